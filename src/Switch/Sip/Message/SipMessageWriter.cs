using System.Buffers;
using System.Buffers.Text;

namespace Switch.Sip.Message;

/// <summary>
/// Serializes messages: start line as parsed, header lines as <c>Name: value</c> (long names, folds collapsed) in
/// their order, one Content-Length equal to the body length (appended when the message had none), then the body.
/// </summary>
internal static class SipMessageWriter
{
    private const int ContentLengthLineMax = 16 + 10 + 2;

    public static void Write(SipMessage message, IBufferWriter<byte> writer)
    {
        var span = writer.GetSpan(Measure(message, out _));
        writer.Advance(WriteTo(message, span));
    }

    /// <summary>The written message in one array of its exact size.</summary>
    public static byte[] ToArray(SipMessage message)
    {
        var upper = Measure(message, out var exact);
        if (exact)
        {
            var bytes = new byte[upper];
            var written = WriteTo(message, bytes);
            return written == bytes.Length ? bytes : bytes[..written];
        }

        var rented = ArrayPool<byte>.Shared.Rent(upper);
        try
        {
            return rented.AsSpan(0, WriteTo(message, rented)).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The written length: exact (<paramref name="exact"/>) when no value is folded, else an upper bound (a fold collapses
    /// to one space).
    /// </summary>
    private static int Measure(SipMessage message, out bool exact)
    {
        var startLine = message.StartLineBytes;
        var bodyLength = message.Body.Length;
        var size = startLine.Length + 2 + 16 + CountDigits(bodyLength) + 2 + 2 + bodyLength;
        exact = true;
        for (var i = 0; i < message.FieldCount; i++)
        {
            var f = message.GetField(i);
            if (f.Id == SipHeaderId.ContentLength)
            {
                continue;
            }

            var nameLength = f.Id == SipHeaderId.Unknown ? f.Name.Length : SipHeaderNames.GetNameBytes(f.Id).Length;
            size += nameLength + 2 + f.Value.Length + 2;
            exact &= !f.Folded;
        }

        return size;
    }

    private static int CountDigits(int value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    /// <summary>Writes the message into <paramref name="span"/>, which holds at least <see cref="Measure"/> bytes; returns the count.</summary>
    private static int WriteTo(SipMessage message, Span<byte> span)
    {
        var data = message.Data.Span;
        var startLine = message.StartLineBytes;
        var n = 0;
        startLine.CopyTo(span);
        n += startLine.Length;
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        var wroteLength = false;
        for (var i = 0; i < message.FieldCount; i++)
        {
            var f = message.GetField(i);
            if (f.Id == SipHeaderId.ContentLength)
            {
                if (!wroteLength)
                {
                    n += WriteContentLength(span[n..], message.Body.Length);
                    wroteLength = true;
                }

                continue;
            }

            var name = f.Id == SipHeaderId.Unknown ? f.Name.Of(data) : SipHeaderNames.GetNameBytes(f.Id);
            n += WriteHeader(span[n..], name, f.Value.Of(data));
        }

        if (!wroteLength)
        {
            n += WriteContentLength(span[n..], message.Body.Length);
        }

        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        message.Body.Span.CopyTo(span[n..]);
        n += message.Body.Length;
        return n;
    }

    public static int WriteHeader(Span<byte> span, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        name.CopyTo(span);
        var n = name.Length;
        span[n++] = (byte)':';
        span[n++] = (byte)' ';
        if (value.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            value.CopyTo(span[n..]);
            n += value.Length;
        }
        else
        {
            n += SipSyntax.WriteUnfolded(value, span[n..]);
        }

        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        return n;
    }

    public static int WriteContentLength(Span<byte> span, int length)
    {
        "Content-Length: "u8.CopyTo(span);
        var n = 16;
        _ = Utf8Formatter.TryFormat(length, span[n..], out var written);
        n += written;
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        return n;
    }

    public static int UpperBoundContentLength => ContentLengthLineMax;
}
