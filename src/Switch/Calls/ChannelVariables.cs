namespace Switch.Calls;

/// <summary>
/// A channel's variables in insertion order (printed as variable_* headers in that order). Names compare
/// case-insensitively, as FreeSWITCH's event headers do. Setting an empty value removes the variable.
/// Exported names are copied onto the legs this channel creates later.
/// </summary>
internal sealed class ChannelVariables
{
    private readonly OrderedDictionary<string, string> _values = new(32, StringComparer.OrdinalIgnoreCase);
    private OrderedDictionary<string, string?>? _exported;

    public int Count => _values.Count;

    public string? this[string name]
    {
        get => _values.TryGetValue(name, out var value) ? value : null;
        set => Set(name, value);
    }

    /// <summary>Sets a variable; a null or empty value unsets it (FreeSWITCH never stores empty values).</summary>
    public void Set(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            _values.Remove(name);
        }
        else
        {
            _values[name] = value;
        }
    }

    public bool TryGet(string name, out string value) => _values.TryGetValue(name, out value!);

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>True when the variable holds a FreeSWITCH "true" value (true, yes, on, enabled, active, allow, or a non-zero number).</summary>
    public bool IsTrue(string name) => _values.TryGetValue(name, out var value) && IsTrueValue(value);

    /// <summary>True when the variable is set to a FreeSWITCH "false" value (false, no, off, disabled, inactive, disallow, 0).</summary>
    public bool IsFalse(string name) => _values.TryGetValue(name, out var value) && IsFalseValue(value);

    /// <summary>
    /// The export application: sets the variable (unless <paramref name="local"/> is false, FreeSWITCH's
    /// "nolocal:" prefix) and marks it for copying onto legs created by this channel.
    /// </summary>
    public void Export(string name, string? value, bool local = true)
    {
        if (local)
        {
            Set(name, value);
        }
        _exported ??= new OrderedDictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        _exported.Remove(name);
        _exported.Add(name, value);
    }

    /// <summary>The variables this channel hands to the legs it creates, in export order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Exported()
    {
        if (_exported is null)
        {
            yield break;
        }
        foreach (var (name, exportedValue) in _exported)
        {
            var value = _values.TryGetValue(name, out var v) ? v : exportedValue;
            if (!string.IsNullOrEmpty(value))
            {
                yield return new KeyValuePair<string, string>(name, value);
            }
        }
    }

    /// <summary>Every variable in insertion order.</summary>
    public OrderedDictionary<string, string>.Enumerator GetEnumerator() => _values.GetEnumerator();

    /// <summary>Every variable in insertion order, as a sequence.</summary>
    public IEnumerable<KeyValuePair<string, string>> AsEnumerable() => _values;

    public static bool IsTrueValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || value.Equals("on", StringComparison.OrdinalIgnoreCase) || value.Equals("enabled", StringComparison.OrdinalIgnoreCase)
            || value.Equals("active", StringComparison.OrdinalIgnoreCase) || value.Equals("allow", StringComparison.OrdinalIgnoreCase)
            || value.Equals("t", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) && n != 0;
    }

    public static bool IsFalseValue(string? value) =>
        value is not null && (value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase)
            || value.Equals("off", StringComparison.OrdinalIgnoreCase) || value.Equals("disabled", StringComparison.OrdinalIgnoreCase)
            || value.Equals("inactive", StringComparison.OrdinalIgnoreCase) || value.Equals("disallow", StringComparison.OrdinalIgnoreCase)
            || value.Equals("f", StringComparison.OrdinalIgnoreCase) || value == "0");
}
