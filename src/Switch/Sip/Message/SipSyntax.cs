using System.Buffers;
using System.Text;

namespace Switch.Sip.Message;

/// <summary>Character classes and small scanners of RFC 3261 §25 shared by the parsers.</summary>
internal static class SipSyntax
{
    private static readonly bool[] TokenChars = BuildTokenChars();

    /// <summary>token characters (RFC 3261 §25.1) for vectorized scanning.</summary>
    public static readonly SearchValues<byte> TokenValues = ToSearchValues(TokenChars);

    /// <summary>Characters of a hostname or IPv4 address.</summary>
    public static readonly SearchValues<byte> HostnameValues =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-."u8);

    public static bool IsToken(byte b) => TokenChars[b];

    /// <summary>Whitespace inside an already delimited header value: SP, HT and the CR LF of a fold.</summary>
    public static bool IsLws(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsHex(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 'f' - 'a';

    public static int SkipLws(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && IsLws(s[i]))
        {
            i++;
        }

        return i;
    }

    public static int SkipToken(ReadOnlySpan<byte> s, int i) => SkipWhile(s, i, TokenValues);

    /// <summary>Index of the first byte at or after <paramref name="i"/> not in <paramref name="values"/>, or s.Length.</summary>
    public static int SkipWhile(ReadOnlySpan<byte> s, int i, SearchValues<byte> values)
    {
        if (i >= s.Length)
        {
            return s.Length;
        }

        var n = s[i..].IndexOfAnyExcept(values);
        return n < 0 ? s.Length : i + n;
    }

    /// <summary>A SearchValues of the bytes whose table entry is true.</summary>
    public static SearchValues<byte> ToSearchValues(bool[] table)
    {
        var bytes = new List<byte>();
        for (var b = 0; b < table.Length; b++)
        {
            if (table[b])
            {
                bytes.Add((byte)b);
            }
        }

        return SearchValues.Create([.. bytes]);
    }

    public static bool IsTokenSpan(ReadOnlySpan<byte> s)
    {
        return !s.IsEmpty && s.IndexOfAnyExcept(TokenValues) < 0;
    }

    public static ReadOnlySpan<byte> TrimLws(ReadOnlySpan<byte> s)
    {
        var start = 0;
        while (start < s.Length && IsLws(s[start]))
        {
            start++;
        }

        var end = s.Length;
        while (end > start && IsLws(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    /// <summary>Skips a quoted-string starting at <paramref name="i"/> (which must be '"'); returns the index after the closing quote or -1.</summary>
    public static int SkipQuoted(ReadOnlySpan<byte> s, int i)
    {
        i++;
        while (i < s.Length)
        {
            var b = s[i];
            if (b == '\\')
            {
                if (i + 1 >= s.Length)
                {
                    return -1;
                }

                i += 2;
                continue;
            }

            if (b == '"')
            {
                return i + 1;
            }

            i++;
        }

        return -1;
    }

    /// <summary>Index of the next top-level comma (outside quotes and angle brackets) at or after <paramref name="i"/>, or s.Length; -1 if quotes are unbalanced.</summary>
    public static int IndexOfListSeparator(ReadOnlySpan<byte> s, int i)
    {
        var inAngle = false;
        while (i < s.Length)
        {
            var b = s[i];
            if (b == '"')
            {
                i = SkipQuoted(s, i);
                if (i < 0)
                {
                    return -1;
                }

                continue;
            }

            if (b == '<')
            {
                inAngle = true;
            }
            else if (b == '>')
            {
                inAngle = false;
            }
            else if (b == ',' && !inAngle)
            {
                return i;
            }

            i++;
        }

        return s.Length;
    }

    /// <summary>Parses 1*DIGIT as an unsigned 32-bit number; false on overflow or non-digits.</summary>
    public static bool TryParseUInt32(ReadOnlySpan<byte> s, out uint value)
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        ulong v = 0;
        foreach (var b in s)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            v = (v * 10) + (uint)(b - '0');
            if (v > uint.MaxValue)
            {
                return false;
            }
        }

        value = (uint)v;
        return true;
    }

    /// <summary>Collapses every run of whitespace that contains a line fold into one SP (the value of a folded header).</summary>
    public static string Unfold(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var buffer = new byte[raw.Length];
        var n = WriteUnfolded(raw, buffer);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    /// <summary>Writes <paramref name="raw"/> to <paramref name="destination"/> with folds collapsed; returns the byte count.</summary>
    public static int WriteUnfolded(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        var n = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var b = raw[i];
            if (IsLws(b))
            {
                var j = i;
                var folded = false;
                while (j < raw.Length && IsLws(raw[j]))
                {
                    folded |= raw[j] is (byte)'\r' or (byte)'\n';
                    j++;
                }

                if (folded)
                {
                    destination[n++] = (byte)' ';
                }
                else
                {
                    raw[i..j].CopyTo(destination[n..]);
                    n += j - i;
                }

                i = j;
                continue;
            }

            destination[n++] = b;
            i++;
        }

        return n;
    }

    /// <summary>Decodes %HH escapes exactly once (RFC 3261 §19.1.2); invalid escapes are kept literally.</summary>
    public static string Unescape(ReadOnlySpan<byte> s)
    {
        if (s.IndexOf((byte)'%') < 0)
        {
            return Encoding.UTF8.GetString(s);
        }

        var buffer = s.Length <= 256 ? stackalloc byte[s.Length] : new byte[s.Length];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && IsHex(s[i + 1]) && IsHex(s[i + 2]))
            {
                buffer[n++] = (byte)((HexValue(s[i + 1]) << 4) | HexValue(s[i + 2]));
                i += 2;
            }
            else
            {
                buffer[n++] = s[i];
            }
        }

        return Encoding.UTF8.GetString(buffer[..n]);
    }

    private static int HexValue(byte b) => IsDigit(b) ? b - '0' : (b | 0x20) - 'a' + 10;

    private static bool[] BuildTokenChars() => AlphanumericPlus("-.!%*_+`'~");

    /// <summary>A byte table marking letters, digits and <paramref name="extra"/> (the RFC 3261 character classes).</summary>
    internal static bool[] AlphanumericPlus(string extra)
    {
        var t = new bool[256];
        for (var c = '0'; c <= '9'; c++)
        {
            t[c] = true;
        }

        for (var c = 'a'; c <= 'z'; c++)
        {
            t[c] = true;
            t[c - 32] = true;
        }

        foreach (var c in extra)
        {
            t[c] = true;
        }

        return t;
    }
}
