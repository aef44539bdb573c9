namespace Switch.Calls;

/// <summary>
/// A channel's variables in insertion order (printed as variable_* headers in that order). Names compare
/// case-insensitively, as FreeSWITCH's event headers do. Setting an empty value removes the variable.
/// Exported names are copied onto the legs this channel creates later. Kept as one array of name/value
/// pairs searched in order (a channel has a few dozen variables; names are mostly the same literal strings,
/// so most comparisons end at a reference or length check): about a third of a hash table's memory per
/// channel, which matters with tens of thousands of channels alive.
/// </summary>
internal sealed class ChannelVariables
{
    private KeyValuePair<string, string>[] _items;
    private int _count;
    private OrderedDictionary<string, string?>? _exported;

    public ChannelVariables(int capacity = 4) => _items = capacity > 0 ? new KeyValuePair<string, string>[capacity] : [];

    public int Count => _count;

    public string? this[string name]
    {
        get
        {
            var i = IndexOf(name);
            return i < 0 ? null : _items[i].Value;
        }
        set => Set(name, value);
    }

    /// <summary>Sets a variable; a null or empty value unsets it (FreeSWITCH never stores empty values).</summary>
    public void Set(string name, string? value)
    {
        var i = IndexOf(name);
        if (string.IsNullOrEmpty(value))
        {
            if (i >= 0)
            {
                _count--;
                Array.Copy(_items, i + 1, _items, i, _count - i);
                _items[_count] = default;
            }
            return;
        }
        if (i >= 0)
        {
            _items[i] = new KeyValuePair<string, string>(_items[i].Key, value);
            return;
        }
        if (_count == _items.Length)
        {
            EnsureCapacity(_count + 1);
        }
        _items[_count++] = new KeyValuePair<string, string>(name, value);
    }

    /// <summary>Makes room for <paramref name="capacity"/> variables in all (before setting many at once).</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _items.Length)
        {
            return;
        }
        var grown = Math.Max(capacity, Math.Max(4, _items.Length + (_items.Length / 2)));
        Array.Resize(ref _items, grown);
    }

    public bool TryGet(string name, out string value)
    {
        var i = IndexOf(name);
        value = i < 0 ? null! : _items[i].Value;
        return i >= 0;
    }

    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>True when the variable holds a FreeSWITCH "true" value (true, yes, on, enabled, active, allow, or a non-zero number).</summary>
    public bool IsTrue(string name) => TryGet(name, out var value) && IsTrueValue(value);

    /// <summary>True when the variable is set to a FreeSWITCH "false" value (false, no, off, disabled, inactive, disallow, 0).</summary>
    public bool IsFalse(string name) => TryGet(name, out var value) && IsFalseValue(value);

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
            var value = TryGet(name, out var v) ? v : exportedValue;
            if (!string.IsNullOrEmpty(value))
            {
                yield return new KeyValuePair<string, string>(name, value);
            }
        }
    }

    /// <summary>Every variable in insertion order.</summary>
    public ReadOnlySpan<KeyValuePair<string, string>>.Enumerator GetEnumerator() => new ReadOnlySpan<KeyValuePair<string, string>>(_items, 0, _count).GetEnumerator();

    /// <summary>Every variable in insertion order, as a sequence (a copy: safe while the channel changes).</summary>
    public IEnumerable<KeyValuePair<string, string>> AsEnumerable() => _items.AsSpan(0, _count).ToArray();

    /// <summary>The position of a variable, or -1: the same string instance first (literal names), then length, then the letters.</summary>
    private int IndexOf(string name)
    {
        var items = _items;
        var count = Math.Min(_count, items.Length);
        for (var i = 0; i < count; i++)
        {
            var key = items[i].Key;
            if (ReferenceEquals(key, name) || (key.Length == name.Length && string.Equals(key, name, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }
        return -1;
    }

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
