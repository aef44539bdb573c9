using System.Buffers;

namespace Switch.Sip.Message;

/// <summary>
/// Splits a byte stream (TCP) into SIP messages using the mandatory Content-Length (RFC 3261 §18.3), with limits on
/// the header section and body sizes. Stateless: call <see cref="TryFrame"/> until it returns Incomplete.
/// </summary>
internal sealed class SipStreamFramer
{
    public const int DefaultMaxHeaderBytes = 64 * 1024;
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    private static readonly byte[] HeaderTerminator = "\r\n\r\n"u8.ToArray();

    public SipStreamFramer(int maxHeaderBytes = DefaultMaxHeaderBytes, int maxBodyBytes = DefaultMaxBodyBytes)
    {
        MaxHeaderBytes = maxHeaderBytes;
        MaxBodyBytes = maxBodyBytes;
    }

    public int MaxHeaderBytes { get; }

    public int MaxBodyBytes { get; }

    /// <summary>
    /// Frames the next message at the start of <paramref name="buffer"/>. On <see cref="SipFrameStatus.Message"/>
    /// <paramref name="frame"/> holds its bytes and <paramref name="buffer"/> is advanced past it; on Incomplete the
    /// buffer is unchanged; on Error <paramref name="error"/> says why.
    /// </summary>
    public SipFrameStatus TryFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out SipParseError error)
    {
        frame = default;
        error = SipParseError.None;
        var work = buffer;
        Span<byte> four = stackalloc byte[4];
        while (true)
        {
            if (work.Length < 2)
            {
                return SipFrameStatus.Incomplete;
            }

            var first = work.FirstSpan;
            var b0 = first[0];
            var b1 = first.Length > 1 ? first[1] : work.Slice(1, 1).FirstSpan[0];
            if (b0 != '\r' || b1 != '\n')
            {
                break;
            }

            if (work.Length < 4)
            {
                return SipFrameStatus.Incomplete;
            }

            work.Slice(0, 4).CopyTo(four);
            if (four.SequenceEqual(HeaderTerminator))
            {
                buffer = work.Slice(4);
                return SipFrameStatus.KeepAlive;
            }

            work = work.Slice(2);
            buffer = work;
        }

        var reader = new SequenceReader<byte>(work);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> headers, HeaderTerminator, advancePastDelimiter: true))
        {
            if (work.Length > MaxHeaderBytes)
            {
                error = new SipParseError(SipParseErrorKind.MessageTooLarge, null, "header section exceeds the limit");
                return SipFrameStatus.Error;
            }

            if (!LooksLikeStartLine(work, out error))
            {
                return SipFrameStatus.Error;
            }

            return SipFrameStatus.Incomplete;
        }

        if (headers.Length + 4 > MaxHeaderBytes)
        {
            error = new SipParseError(SipParseErrorKind.MessageTooLarge, null, "header section exceeds the limit");
            return SipFrameStatus.Error;
        }

        if (!LooksLikeStartLine(work, out error))
        {
            return SipFrameStatus.Error;
        }

        var headerBytes = headers.IsSingleSegment ? headers.FirstSpan : headers.ToArray();
        if (!TryFindContentLength(headerBytes, out var contentLength, out error))
        {
            return SipFrameStatus.Error;
        }

        if (contentLength > MaxBodyBytes)
        {
            error = new SipParseError(SipParseErrorKind.MessageTooLarge, SipHeaderNames.ContentLength, "body exceeds the limit");
            return SipFrameStatus.Error;
        }

        var total = headers.Length + 4 + contentLength;
        if (work.Length < total)
        {
            return SipFrameStatus.Incomplete;
        }

        frame = work.Slice(0, total);
        buffer = work.Slice(total);
        return SipFrameStatus.Message;
    }

    private static bool LooksLikeStartLine(ReadOnlySequence<byte> work, out SipParseError error)
    {
        error = SipParseError.None;
        var reader = new SequenceReader<byte>(work);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> line, "\r\n"u8, advancePastDelimiter: false))
        {
            return true;
        }

        Span<byte> head = stackalloc byte[(int)Math.Min(line.Length, 4096)];
        line.Slice(0, head.Length).CopyTo(head);
        if (head.IndexOf("SIP/"u8) < 0 || !SipSyntax.IsToken(head[0]))
        {
            error = new SipParseError(SipParseErrorKind.InvalidStartLine, null, "stream does not start with a SIP start line");
            return false;
        }

        return true;
    }

    private static bool TryFindContentLength(ReadOnlySpan<byte> headers, out int length, out SipParseError error)
    {
        length = -1;
        error = SipParseError.None;
        var p = headers.IndexOf("\r\n"u8);
        p = p < 0 ? headers.Length : p + 2;
        while (p < headers.Length)
        {
            var e = headers[p..].IndexOf("\r\n"u8);
            var lineEnd = e < 0 ? headers.Length : p + e;
            while (lineEnd + 2 < headers.Length && headers[lineEnd + 2] is (byte)' ' or (byte)'\t')
            {
                var next = headers[(lineEnd + 2)..].IndexOf("\r\n"u8);
                lineEnd = next < 0 ? headers.Length : lineEnd + 2 + next;
            }

            var line = headers[p..lineEnd];
            var nameEnd = SipSyntax.SkipToken(line, 0);
            if (SipHeaderNames.Lookup(line[..nameEnd]) == SipHeaderId.ContentLength)
            {
                var colon = line.IndexOf((byte)':');
                if (colon < 0 || !SipSyntax.TryParseUInt32(SipSyntax.TrimLws(line[(colon + 1)..]), out var value) || value > int.MaxValue)
                {
                    error = new SipParseError(SipParseErrorKind.InvalidContentLength, SipHeaderNames.ContentLength, "Content-Length is not a non-negative number");
                    return false;
                }

                if (length >= 0 && length != (int)value)
                {
                    error = new SipParseError(SipParseErrorKind.ConflictingContentLength, SipHeaderNames.ContentLength, "several Content-Length values disagree");
                    return false;
                }

                length = (int)value;
            }

            p = lineEnd + 2;
        }

        if (length < 0)
        {
            error = new SipParseError(SipParseErrorKind.MissingContentLength, SipHeaderNames.ContentLength, "Content-Length is required on a stream");
            return false;
        }

        return true;
    }
}
