using System.Buffers;

namespace Switch.EventSocket;

/// <summary>JSON string writing with cJSON's escaping: <c>" \ \b \f \n \r \t</c>, other controls as <c>\u00xx</c>, the rest raw UTF-8.</summary>
internal static class EslJson
{
    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    public static void WriteString(IBufferWriter<byte> writer, ReadOnlySpan<char> value)
    {
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

    private static int IndexOfSpecial(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x20 || c == '"' || c == '\\')
            {
                return i;
            }
        }

        return -1;
    }
}
