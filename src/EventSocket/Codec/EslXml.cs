using System.Buffers;

namespace Switch.EventSocket;

/// <summary>XML text escaping as FreeSWITCH's XML printer does it: <c>&amp; &lt; &gt;</c> and CR.</summary>
internal static class EslXml
{
    public static void WriteEscaped(IBufferWriter<byte> writer, ReadOnlySpan<char> value)
    {
        while (!value.IsEmpty)
        {
            var i = value.IndexOfAny("&<>\r");
            if (i < 0)
            {
                EslBytes.WriteUtf8(writer, value);
                return;
            }

            EslBytes.WriteUtf8(writer, value[..i]);
            EslBytes.Write(writer, value[i] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                _ => "&#xD;"u8,
            });
            value = value[(i + 1)..];
        }
    }
}
