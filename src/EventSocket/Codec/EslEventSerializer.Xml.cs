using System.Buffers;

namespace Switch.EventSocket;

/// <summary>The xml format (ESL-PROTOCOL.md §5.3).</summary>
public static partial class EslEventSerializer
{
    /// <summary>
    /// XML: <c>&lt;event&gt;</c>, <c>&lt;headers&gt;</c> with one element per header (URL-encoded value,
    /// array items repeated), then <c>&lt;Content-Length&gt;</c> and <c>&lt;body&gt;</c> when there is a body.
    /// Two-space indentation, ends with <c>&lt;/event&gt;\n</c>.
    /// </summary>
    public static void WriteXml(EslEvent evt, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(writer);
        EslBytes.Write(writer, "<event>\n  <headers>\n"u8);
        for (var p = 0; p < evt.PartCount; p++)
        {
            if (evt.SharedArray(p) is { Length: >= EslHeaderBlockCache.MinHeaders } block)
            {
                EslBytes.Write(writer, EslHeaderBlockCache.Get(block, EslEventFormat.Xml, XmlBlock));
                continue;
            }

            WriteXmlHeaders(evt.GetPart(p), writer);
        }

        EslBytes.Write(writer, "  </headers>\n"u8);
        if (!string.IsNullOrEmpty(evt.Body))
        {
            var body = evt.Body;
            EslBytes.Write(writer, "  <Content-Length>"u8);
            EslBytes.WriteNumber(writer, EslBytes.Utf8Length(body));
            EslBytes.Write(writer, "</Content-Length>\n  <body>"u8);
            EslXml.WriteEscaped(writer, body);
            EslBytes.Write(writer, body.EndsWith('\n') ? "  </body>\n"u8 : "</body>\n"u8);
        }

        EslBytes.Write(writer, "</event>\n"u8);
    }

    private static void WriteXmlHeaders(ReadOnlySpan<KeyValuePair<string, string>> headers, IBufferWriter<byte> writer)
    {
        foreach (var h in headers)
        {
            if (string.IsNullOrEmpty(h.Value))
            {
                continue;
            }

            if (h.Value.StartsWith(ArrayPrefix, StringComparison.Ordinal))
            {
                var items = h.Value.AsSpan(ArrayPrefix.Length);
                while (true)
                {
                    var sep = items.IndexOf("|:", StringComparison.Ordinal);
                    WriteXmlHeader(writer, h.Key, sep < 0 ? items : items[..sep]);
                    if (sep < 0)
                    {
                        break;
                    }

                    items = items[(sep + 2)..];
                }
            }
            else
            {
                WriteXmlHeader(writer, h.Key, h.Value);
            }
        }
    }

    private static void WriteXmlHeader(IBufferWriter<byte> writer, string name, ReadOnlySpan<char> value)
    {
        EslBytes.Write(writer, "    <"u8);
        EslXml.WriteEscaped(writer, name);
        EslBytes.Write(writer, (byte)'>');
        // URL encoding already removed every XML-special character.
        EslUrlEncoding.Encode(value, writer);
        EslBytes.Write(writer, "</"u8);
        EslXml.WriteEscaped(writer, name);
        EslBytes.Write(writer, ">\n"u8);
    }
}
