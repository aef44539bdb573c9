using System.Buffers;
using System.Text;

namespace Switch.EventSocket;

/// <summary>
/// FreeSWITCH's URL encoding of plain-event header values (ESL-PROTOCOL.md §5.1): every byte below 0x20 or
/// above 0x7E and the characters <c> "#%&amp;+:;&lt;=&gt;?@[\]^`{|}</c> (and space) become <c>%XX</c> with upper-case
/// hex; everything else is copied. Deliberate deviation from FS: '%' is always encoded as <c>%25</c>.
/// Decoding turns every <c>%XX</c> (either hex case) into a byte, leaves other characters (including '+') alone
/// and decodes the bytes as UTF-8; a '%' not followed by two hex digits is kept literally.
/// </summary>
public static class EslUrlEncoding
{
    private static readonly bool[] s_mustEncode = BuildTable();
    private static readonly System.Buffers.SearchValues<char> s_safe = BuildSafe();
    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    private static bool[] BuildTable()
    {
        var table = new bool[128];
        for (var c = 0; c < 0x20; c++)
        {
            table[c] = true;
        }

        table[0x7F] = true;
        foreach (var c in " \"#%&+:;<=>?@[\\]^`{|}")
        {
            table[c] = true;
        }

        return table;
    }

    private static System.Buffers.SearchValues<char> BuildSafe()
    {
        var safe = new List<char>();
        for (var c = (char)0x20; c < 0x7F; c++)
        {
            if (!s_mustEncode[c])
            {
                safe.Add(c);
            }
        }

        return System.Buffers.SearchValues.Create(safe.ToArray());
    }

    /// <summary>True when the ASCII character is percent-encoded by FS.</summary>
    public static bool MustEncode(char c) => c >= 0x80 || s_mustEncode[c];

    /// <summary>Encodes <paramref name="value"/> the FreeSWITCH way.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!NeedsEncoding(value))
        {
            return value;
        }

        var buffer = new ArrayBufferWriter<byte>(value.Length * 3);
        Encode(value, buffer);
        return Encoding.ASCII.GetString(buffer.WrittenSpan);
    }

    /// <summary>True when <see cref="Encode(string)"/> would change the value.</summary>
    public static bool NeedsEncoding(ReadOnlySpan<char> value) => value.IndexOfAnyExcept(s_safe) >= 0;

    /// <summary>Writes the encoded form of <paramref name="value"/> (pure ASCII) to <paramref name="writer"/>.</summary>
    public static void Encode(ReadOnlySpan<char> value, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        const int Chunk = 1024;
        while (!value.IsEmpty)
        {
            var take = Math.Min(Chunk, value.Length);
            // Do not split a surrogate pair across chunks.
            if (take < value.Length && char.IsHighSurrogate(value[take - 1]))
            {
                take--;
                if (take == 0)
                {
                    take = 2;
                }
            }

            var span = writer.GetSpan(take * MaxBytesPerChar);
            var written = Encode(value[..take], span);
            writer.Advance(written);
            value = value[take..];
        }
    }

    /// <summary>Upper bound of encoded bytes per UTF-16 char (a BMP char is at most 3 UTF-8 bytes, each 3 encoded bytes).</summary>
    internal const int MaxBytesPerChar = 9;

    /// <summary>
    /// Encodes into <paramref name="dest"/>, which must hold <see cref="MaxBytesPerChar"/> bytes per char.
    /// A value without any character to encode (most: numbers, uuids, names) is narrowed in one vectorized copy;
    /// otherwise the safe prefix is narrowed and the rest goes through one table-driven loop (values such as dates
    /// and SIP URIs alternate short runs with encoded characters, where per-run vector calls cost more than they save).
    /// </summary>
    internal static int Encode(ReadOnlySpan<char> chars, Span<byte> dest)
    {
        var first = chars.IndexOfAnyExcept(s_safe);
        if (first < 0)
        {
            Ascii.FromUtf16(chars, dest, out var all);
            return all;
        }

        Ascii.FromUtf16(chars[..first], dest, out var o);
        var mustEncode = s_mustEncode;
        for (var i = first; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c < 0x80)
            {
                if (!mustEncode[c])
                {
                    dest[o++] = (byte)c;
                    continue;
                }

                o = Percent(dest, o, c);
                continue;
            }

            Rune.DecodeFromUtf16(chars[i..], out var rune, out var consumed);
            i += consumed - 1;
            var v = rune.Value;
            if (v < 0x800)
            {
                o = Percent(dest, o, 0xC0 | (v >> 6));
                o = Percent(dest, o, 0x80 | (v & 0x3F));
            }
            else if (v < 0x10000)
            {
                o = Percent(dest, o, 0xE0 | (v >> 12));
                o = Percent(dest, o, 0x80 | ((v >> 6) & 0x3F));
                o = Percent(dest, o, 0x80 | (v & 0x3F));
            }
            else
            {
                o = Percent(dest, o, 0xF0 | (v >> 18));
                o = Percent(dest, o, 0x80 | ((v >> 12) & 0x3F));
                o = Percent(dest, o, 0x80 | ((v >> 6) & 0x3F));
                o = Percent(dest, o, 0x80 | (v & 0x3F));
            }
        }

        return o;
    }

    private static int Percent(Span<byte> dest, int o, int b)
    {
        var hex = Hex;
        dest[o] = (byte)'%';
        dest[o + 1] = hex[b >> 4];
        dest[o + 2] = hex[b & 0xF];
        return o + 3;
    }

    /// <summary>Decodes <c>%XX</c> sequences (as UTF-8 bytes); other characters are kept.</summary>
    public static string Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var maxBytes = EslBytes.Utf8.GetMaxByteCount(value.Length);
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var o = 0;
            var span = value.AsSpan();
            var i = 0;
            while (i < span.Length)
            {
                var c = span[i];
                if (c == '%' && i + 2 < span.Length && TryHex(span[i + 1], span[i + 2], out var b))
                {
                    rented[o++] = b;
                    i += 3;
                    continue;
                }

                var run = span[i..];
                var next = run[1..].IndexOf('%');
                var len = next < 0 ? run.Length : next + 1;
                o += EslBytes.Utf8.GetBytes(run[..len], rented.AsSpan(o));
                i += len;
            }

            return EslBytes.Utf8.GetString(rented, 0, o);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes a URL-encoded UTF-8 byte value straight to a string.</summary>
    public static string Decode(ReadOnlySpan<byte> utf8)
    {
        var first = utf8.IndexOf((byte)'%');
        if (first < 0)
        {
            return EslBytes.Utf8.GetString(utf8);
        }

        byte[]? rented = null;
        var buffer = utf8.Length <= 512 ? stackalloc byte[utf8.Length] : (rented = ArrayPool<byte>.Shared.Rent(utf8.Length));
        try
        {
            utf8[..first].CopyTo(buffer);
            var o = first;
            var i = first;
            while (i < utf8.Length)
            {
                var b = utf8[i];
                if (b == '%' && i + 2 < utf8.Length && TryHex((char)utf8[i + 1], (char)utf8[i + 2], out var d))
                {
                    buffer[o++] = d;
                    i += 3;
                }
                else
                {
                    buffer[o++] = b;
                    i++;
                }
            }

            return EslBytes.Utf8.GetString(buffer[..o]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool TryHex(char hi, char lo, out byte value)
    {
        var h = HexValue(hi);
        var l = HexValue(lo);
        if ((h | l) < 0)
        {
            value = 0;
            return false;
        }

        value = (byte)((h << 4) | l);
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
