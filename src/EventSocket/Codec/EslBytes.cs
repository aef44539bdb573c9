using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Switch.EventSocket;

/// <summary>Small writers of ASCII/UTF-8 text and numbers into an <see cref="IBufferWriter{T}"/>.</summary>
internal static class EslBytes
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        var span = writer.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        writer.Advance(bytes.Length);
    }

    public static void Write(IBufferWriter<byte> writer, byte value)
    {
        var span = writer.GetSpan(1);
        span[0] = value;
        writer.Advance(1);
    }

    /// <summary>Writes text as UTF-8 (lone surrogates become U+FFFD).</summary>
    public static void WriteUtf8(IBufferWriter<byte> writer, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (text.Length <= 4096)
        {
            var span = writer.GetSpan(text.Length * 3);
            var n = Utf8.GetBytes(text, span);
            writer.Advance(n);
            return;
        }

        Utf8.GetBytes(text, writer);
    }

    /// <summary>Transcodes into <paramref name="dest"/> (room for 3 bytes per char); lone surrogates become U+FFFD.</summary>
    public static int GetUtf8(ReadOnlySpan<char> text, Span<byte> dest)
    {
        System.Text.Unicode.Utf8.FromUtf16(text, dest, out _, out var written, replaceInvalidSequences: true);
        return written;
    }

    public static void WriteNumber(IBufferWriter<byte> writer, long value)
    {
        var span = writer.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        writer.Advance(written);
    }

    public static int Utf8Length(string? text) => string.IsNullOrEmpty(text) ? 0 : Utf8.GetByteCount(text);

    public static int DigitCount(long value)
    {
        var digits = 1;
        if (value < 0)
        {
            digits++;
            value = -value;
        }

        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    /// <summary>Writes "name: value\n" with the value escaped as an outer header value (see <see cref="WriteOuterValue"/>).</summary>
    public static void WriteOuterHeader(IBufferWriter<byte> writer, ReadOnlySpan<byte> nameColonSpace, string value)
    {
        Write(writer, nameColonSpace);
        WriteOuterValue(writer, value);
        Write(writer, (byte)'\n');
    }

    /// <summary>
    /// Outer header values are written raw except '%', CR and LF, which are percent-encoded: every client
    /// URL-decodes outer values and a raw '%' makes modesl throw; a raw CR/LF would break framing.
    /// </summary>
    public static void WriteOuterValue(IBufferWriter<byte> writer, string value)
    {
        var span = value.AsSpan();
        while (!span.IsEmpty)
        {
            var i = span.IndexOfAny('%', '\r', '\n');
            if (i < 0)
            {
                WriteUtf8(writer, span);
                return;
            }

            WriteUtf8(writer, span[..i]);
            var c = span[i];
            Write(writer, c == '%' ? "%25"u8 : c == '\r' ? "%0D"u8 : "%0A"u8);
            span = span[(i + 1)..];
        }
    }
}
