using System.Globalization;
using System.Text;

namespace Switch.Registrar;

/// <summary>
/// Parses Contact header values (RFC 3261 §20.10) for the registrar: splits a header on commas outside quotes
/// and angle brackets, reads the URI and the header parameters, and rewrites the expires parameter for the
/// 200 OK. Never throws on hostile input.
/// </summary>
internal static class ContactValue
{
    /// <summary>Longest single contact value accepted.</summary>
    public const int MaxLength = 2048;

    /// <summary>Splits one Contact header line into its comma-separated values (quote and bracket aware).</summary>
    public static List<string> Split(string header)
    {
        var result = new List<string>(1);
        var start = 0;
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case '<':
                    inBrackets = true;
                    break;
                case '>':
                    inBrackets = false;
                    break;
                case ',' when !inBrackets:
                    AddTrimmed(result, header, start, i);
                    start = i + 1;
                    break;
            }
        }
        AddTrimmed(result, header, start, header.Length);
        return result;
    }

    /// <summary>True for the wildcard contact <c>*</c>.</summary>
    public static bool IsWildcard(string value) => value.Trim() == "*";

    /// <summary>Parses one contact value; false when it has no usable URI.</summary>
    public static bool TryParse(string value, out RegisterContact contact)
    {
        contact = null!;
        value = value.Trim();
        if (value.Length == 0 || value.Length > MaxLength)
        {
            return false;
        }

        string? display = null;
        string uri;
        int parametersAt;
        var open = FindUnquoted(value, '<', 0);
        if (open >= 0)
        {
            var close = value.IndexOf('>', open + 1);
            if (close < 0)
            {
                return false;
            }
            display = Unquote(value[..open].Trim());
            uri = value[(open + 1)..close].Trim();
            parametersAt = close + 1;
        }
        else
        {
            // addr-spec form: everything after the first ';' is a header parameter (RFC 3261 §20.10).
            var semicolon = value.IndexOf(';', StringComparison.Ordinal);
            uri = (semicolon < 0 ? value : value[..semicolon]).Trim();
            parametersAt = semicolon < 0 ? value.Length : semicolon;
        }
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == uri.Length - 1 || uri.AsSpan().ContainsAny(" \t\r\n<>\""))
        {
            return false;
        }

        long? expires = null;
        float? q = null;
        string? instance = null;
        int? regId = null;
        var parameters = new ParameterReader(value, parametersAt);
        while (parameters.MoveNext(out var name, out var hasValue, out var paramValue))
        {
            if (name.Equals("expires", StringComparison.OrdinalIgnoreCase))
            {
                expires = !hasValue ? null
                    : long.TryParse(paramValue, NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e
                    : paramValue.Length > 0 && !paramValue.ContainsAnyExceptInRange('0', '9') ? long.MaxValue : null;
            }
            else if (name.Equals("q", StringComparison.OrdinalIgnoreCase) && hasValue
                && float.TryParse(paramValue, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var qv)
                && qv is >= 0 and <= 1)
            {
                q = qv;
            }
            else if (name.Equals("+sip.instance", StringComparison.OrdinalIgnoreCase) && paramValue.Length > 0)
            {
                instance = Unquote(paramValue.ToString());
            }
            else if (name.Equals("reg-id", StringComparison.OrdinalIgnoreCase) && hasValue
                && int.TryParse(paramValue, NumberStyles.None, CultureInfo.InvariantCulture, out var rid))
            {
                regId = rid;
            }
        }

        contact = new RegisterContact
        {
            Uri = uri,
            Value = value,
            Display = string.IsNullOrEmpty(display) ? null : display,
            Expires = expires,
            Q = q,
            InstanceId = instance,
            RegId = instance is null ? null : regId,
        };
        return true;
    }

    /// <summary>The contact value as sent with its expires parameter replaced by <paramref name="seconds"/>.</summary>
    public static string WithExpires(string value, int seconds)
    {
        var open = FindUnquoted(value, '<', 0);
        var parametersAt = open >= 0 ? value.IndexOf('>', open + 1) + 1 : value.IndexOf(';', StringComparison.Ordinal);
        if (open >= 0 && parametersAt == 0)
        {
            parametersAt = value.Length;
        }
        if (parametersAt < 0)
        {
            parametersAt = value.Length;
        }
        // The value up to its parameters, each parameter but expires as sent, then ";expires=N".
        Span<char> buffer = value.Length <= 480 ? stackalloc char[value.Length + 32] : new char[value.Length + 32];
        value.AsSpan(0, parametersAt).CopyTo(buffer);
        var n = parametersAt;
        var parameters = new ParameterReader(value, parametersAt);
        while (parameters.MoveNext(out var name, out _, out _))
        {
            if (!name.Equals("expires", StringComparison.OrdinalIgnoreCase))
            {
                buffer[n++] = ';';
                parameters.Raw.CopyTo(buffer[n..]);
                n += parameters.Raw.Length;
            }
        }
        ";expires=".CopyTo(buffer[n..]);
        n += 9;
        _ = seconds.TryFormat(buffer[n..], out var digits, provider: CultureInfo.InvariantCulture);
        return new string(buffer[..(n + digits)]);
    }

    private static int FindUnquoted(ReadOnlySpan<char> value, char target, int from)
    {
        var inQuotes = false;
        for (var i = from; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == target)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Walks the ';'-separated header parameters after a start index, quote aware, skipping empty ones, without
    /// allocating: each step yields the trimmed name and value (value empty and <c>hasValue</c> false without '=').
    /// </summary>
    private ref struct ParameterReader
    {
        private readonly ReadOnlySpan<char> _value;
        private int _position;

        /// <summary>Parameters start after the first ';' at or after <paramref name="from"/> (text before it is ignored).</summary>
        public ParameterReader(string value, int from)
        {
            _value = value;
            _position = EndOf(_value, from) + 1;
        }

        /// <summary>The current parameter as sent, between its separators.</summary>
        public ReadOnlySpan<char> Raw { get; private set; }

        public bool MoveNext(out ReadOnlySpan<char> name, out bool hasValue, out ReadOnlySpan<char> parameterValue)
        {
            while (_position < _value.Length)
            {
                var start = _position;
                var end = EndOf(_value, start);
                _position = end + 1;
                var raw = _value[start..end];
                if (raw.IsWhiteSpace())
                {
                    continue;
                }
                Raw = raw;
                var eq = raw.IndexOf('=');
                hasValue = eq >= 0;
                name = (hasValue ? raw[..eq] : raw).Trim();
                parameterValue = hasValue ? raw[(eq + 1)..].Trim() : default;
                return true;
            }
            name = default;
            hasValue = false;
            parameterValue = default;
            return false;
        }

        /// <summary>Index of the next ';' outside quotes at or after <paramref name="start"/>, or the length.</summary>
        private static int EndOf(ReadOnlySpan<char> value, int start) =>
            FindUnquoted(value, ';', start) is var at and >= 0 ? at : value.Length;
    }

    private static string Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return text;
        }
        var inner = text[1..^1];
        if (!inner.Contains('\\', StringComparison.Ordinal))
        {
            return inner;
        }
        var sb = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }
            sb.Append(inner[i]);
        }
        return sb.ToString();
    }

    private static void AddTrimmed(List<string> result, string header, int start, int end)
    {
        var part = header[start..end].Trim();
        if (part.Length > 0)
        {
            result.Add(part);
        }
    }
}
