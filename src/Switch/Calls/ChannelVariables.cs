namespace Switch.Calls;

/// <summary>
/// A channel's variables in insertion order (printed as variable_* headers in that order). Names compare
/// case-insensitively, as FreeSWITCH's event headers do. Setting an empty value removes the variable.
/// Exported names are copied onto the legs this channel creates later. The names are a
/// <see cref="VariableLayout"/> shared with every channel that set the same names in the same order, the
/// values one array of the channel's own: a variable costs the channel one reference, which matters with
/// tens of thousands of channels alive. Lookups scan the layout's name hashes (a leg has over a hundred
/// variables by hangup, and most names set are new ones, which a string-by-string search compared with every
/// name of the same length); names of a channel's own are searched in order. Removing a
/// variable moves the channel to the layout of the names left (see <see cref="VariableLayout.Without"/>); a
/// channel that outgrows the shared layouts keeps a names array of its own from then on.
/// A value is a string or a <see cref="VariableText"/> (a large value kept compactly, made a string when read).
/// A <see cref="Channel"/> is its own store (its variables are fields of the channel, not an object of their
/// own per channel); a store on its own serves tests and tools.
/// </summary>
internal class ChannelVariables
{
    /// <summary>The names: a shared <see cref="VariableLayout"/>, or a string[] of this channel's own.</summary>
    private object _names;
    /// <summary>Each a string or a <see cref="VariableText"/>.</summary>
    private object[] _values;
    private int _count;
    private OrderedDictionary<string, string?>? _exported;

    public ChannelVariables(int capacity = 4)
        : this(capacity, VariableLayout.Empty)
    {
    }

    /// <summary>A store whose names start from <paramref name="root"/> (tests).</summary>
    internal ChannelVariables(int capacity, VariableLayout root)
    {
        _names = root;
        _values = capacity > 0 ? new object[capacity] : [];
    }

    public int Count => _count;

    public string? this[string name]
    {
        get
        {
            var i = IndexOf(name);
            return i < 0 ? null : TextOf(_values[i]);
        }
        set => Set(name, value);
    }

    /// <summary>Sets a variable; a null or empty value unsets it (FreeSWITCH never stores empty values).</summary>
    public void Set(string name, string? value) => Set(name, string.IsNullOrEmpty(value) ? null : (object)value);

    /// <summary>Sets a variable to a value kept compactly (made a string whenever it is read).</summary>
    public void SetText(string name, VariableText value) => Set(name, (object)value);

    private void Set(string name, object? value)
    {
        var i = IndexOf(name);
        if (value is null)
        {
            if (i >= 0)
            {
                if (_names is VariableLayout shared && shared.Without(i) is { } shorter)
                {
                    _names = shorter;
                }
                else
                {
                    var own = OwnNames();
                    Array.Copy(own, i + 1, own, i, _count - 1 - i);
                    own[_count - 1] = null!;
                }
                _count--;
                Array.Copy(_values, i + 1, _values, i, _count - i);
                _values[_count] = null!;
            }
            return;
        }
        if (i >= 0)
        {
            _values[i] = value;
            return;
        }
        if (_count == _values.Length)
        {
            EnsureCapacity(_count + 1);
        }
        if (_names is VariableLayout layout && layout.With(name) is { } next)
        {
            _names = next;
        }
        else
        {
            var own = OwnNames();
            own[_count] = name;
        }
        _values[_count++] = value;
    }

    /// <summary>Makes room for <paramref name="capacity"/> variables in all (before setting many at once).</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _values.Length)
        {
            return;
        }
        var grown = Math.Max(capacity, Math.Max(4, _values.Length + (_values.Length / 2)));
        Array.Resize(ref _values, grown);
        if (_names is string[] own)
        {
            Array.Resize(ref own, grown);
            _names = own;
        }
    }

    public bool TryGet(string name, out string value)
    {
        var i = IndexOf(name);
        value = i < 0 ? null! : TextOf(_values[i]);
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
    public Enumerator GetEnumerator() => new(Names, _values);

    /// <summary>Every variable in insertion order, as a sequence (a copy: safe while the channel changes).</summary>
    public IEnumerable<KeyValuePair<string, string>> AsEnumerable()
    {
        var copy = new KeyValuePair<string, string>[_count];
        var i = 0;
        foreach (var variable in this)
        {
            copy[i++] = variable;
        }
        return copy;
    }

    /// <summary>The names of the variables set, in order.</summary>
    private ReadOnlySpan<string> Names =>
        _names is VariableLayout layout ? layout.Names[.._count] : ((string[])_names).AsSpan(0, _count);

    /// <summary>The names as an array of this channel's own (made from the shared layout the first time), as long as the values.</summary>
    private string[] OwnNames()
    {
        if (_names is string[] own)
        {
            return own;
        }
        own = new string[_values.Length];
        ((VariableLayout)_names).Names[.._count].CopyTo(own);
        _names = own;
        return own;
    }

    private static string TextOf(object value) => value as string ?? ((VariableText)value).Text;

    /// <summary>
    /// The position of a variable, or -1: in a shared layout by its names' hashes (<see cref="VariableLayout.IndexOf"/>);
    /// in names of the channel's own, the same string instance first (literal names), then length, then the letters.
    /// </summary>
    private int IndexOf(string name)
    {
        if (_names is VariableLayout layout)
        {
            return layout.IndexOf(name, _count);
        }
        var names = ((string[])_names).AsSpan(0, _count);
        for (var i = 0; i < names.Length; i++)
        {
            var key = names[i];
            if (ReferenceEquals(key, name) || (key.Length == name.Length && string.Equals(key, name, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Walks the variables as name/value pairs.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<string> _names;
        private readonly object[] _values;
        private int _index;

        internal Enumerator(ReadOnlySpan<string> names, object[] values)
        {
            _names = names;
            _values = values;
            _index = -1;
        }

        public readonly KeyValuePair<string, string> Current => new(_names[_index], TextOf(_values[_index]));

        public bool MoveNext() => ++_index < _names.Length;
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
