using System.Buffers;

namespace Switch.EventSocket;

/// <summary>JSON string writing with cJSON's escaping: <c>" \ \b \f \n \r \t</c>, other controls as <c>\u00xx</c>, the rest raw UTF-8.</summary>
internal static class EslJson
{
    /// <summary>Upper bound of output bytes per UTF-16 char (<c>\u00XX</c>).</summary>
    internal const int MaxBytesPerChar = 6;

    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    private static readonly SearchValues<char> s_special = SearchValues.Create(BuildSpecial());

    private static char[] BuildSpecial()
    {
        var list = new List<char> { '"', '\\' };
        for (var c = (char)0; c < 0x20; c++)
        {
            list.Add(c);
        }

        return [.. list];
    }

    public static void WriteString(IBufferWriter<byte> writer, ReadOnlySpan<char> value)
    {
        if (value.Length <= 1024)
        {
            // Worst case: 6 bytes per char (\u00XX), quotes included.
            var span = writer.GetSpan((value.Length * 6) + 2);
            writer.Advance(WriteString(value, span));
            return;
        }

        EslBytes.Write(writer, (byte)'"');
        while (!value.IsEmpty)
        {
            var i = IndexOfSpecial(value);
            if (i < 0)
            {
                EslBytes.WriteUtf8(writer, value);
                break;
            }

            EslBytes.WriteUtf8(writer, value[..i]);
            var c = value[i];
            switch (c)
            {
                case '"': EslBytes.Write(writer, "\\\""u8); break;
                case '\\': EslBytes.Write(writer, "\\\\"u8); break;
                case '\b': EslBytes.Write(writer, "\\b"u8); break;
                case '\f': EslBytes.Write(writer, "\\f"u8); break;
                case '\n': EslBytes.Write(writer, "\\n"u8); break;
                case '\r': EslBytes.Write(writer, "\\r"u8); break;
                case '\t': EslBytes.Write(writer, "\\t"u8); break;
                default:
                    var span = writer.GetSpan(6);
                    "\\u00"u8.CopyTo(span);
                    span[4] = Hex[c >> 4];
                    span[5] = Hex[c & 0xF];
                    writer.Advance(6);
                    break;
            }

            value = value[(i + 1)..];
        }

        EslBytes.Write(writer, (byte)'"');
    }

    private static int IndexOfSpecial(ReadOnlySpan<char> value) => value.IndexOfAny(s_special);

    /// <summary>Writes the quoted, escaped string into <paramref name="dest"/> (at least 6 bytes per char + 2).</summary>
    internal static int WriteString(ReadOnlySpan<char> value, Span<byte> dest)
    {
        var o = 0;
        dest[o++] = (byte)'"';
        while (!value.IsEmpty)
        {
            var i = value.IndexOfAny(s_special);
            var run = i < 0 ? value : value[..i];
            if (!run.IsEmpty)
            {
                o += EslBytes.GetUtf8(run, dest[o..]);
            }

            if (i < 0)
            {
                break;
            }

            var c = value[i];
            ReadOnlySpan<byte> escape = c switch
            {
                '"' => "\\\""u8,
                '\\' => "\\\\"u8,
                '\b' => "\\b"u8,
                '\f' => "\\f"u8,
                '\n' => "\\n"u8,
                '\r' => "\\r"u8,
                '\t' => "\\t"u8,
                _ => default,
            };
            if (escape.IsEmpty)
            {
                "\\u00"u8.CopyTo(dest[o..]);
                dest[o + 4] = Hex[c >> 4];
                dest[o + 5] = Hex[c & 0xF];
                o += 6;
            }
            else
            {
                escape.CopyTo(dest[o..]);
                o += escape.Length;
            }

            value = value[(i + 1)..];
        }

        dest[o++] = (byte)'"';
        return o;
    }
}
