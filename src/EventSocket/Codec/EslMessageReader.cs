using System.Buffers;

namespace Switch.EventSocket;

/// <summary>
/// Incremental framer of server→client messages (the client side of the codec). Tolerant like libesl:
/// stray CR/LF before a message are skipped, the header block ends at two LFs (CRs ignored), names are
/// split at the first ':' with spaces/tabs skipped, values are URL-decoded, <c>Content-Length</c> (any case)
/// gives the body size.
/// </summary>
public static class EslMessageReader
{
    /// <summary>Tries to read one message; same contract as <see cref="EslCommandReader.TryRead"/>.</summary>
    public static EslReadStatus TryRead(in ReadOnlySequence<byte> buffer, EslFramingLimits limits, out EslMessage? message, out SequencePosition consumed)
    {
        ArgumentNullException.ThrowIfNull(limits);
        message = null;
        var found = EslBlockScanner.LocateBlock(buffer, limits.MaxHeaderBytes, out var start, out var end);
        consumed = buffer.GetPosition(start);
        if (found != EslReadStatus.Complete)
        {
            return found;
        }

        var block = buffer.Slice(start, end - start);
        byte[]? rented = null;
        var span = block.IsSingleSegment ? block.FirstSpan : EslBlockScanner.CopyToRented(block, out rented);
        try
        {
            var headers = ParseHeaders(span, out var contentLength);
            if (contentLength < 0)
            {
                return contentLength == -2 ? EslReadStatus.BodyTooLarge : EslReadStatus.InvalidContentLength;
            }

            if (contentLength > limits.MaxBodyBytes)
            {
                return EslReadStatus.BodyTooLarge;
            }

            var body = ReadOnlyMemory<byte>.Empty;
            var total = end;
            if (contentLength > 0)
            {
                if (buffer.Length - end < contentLength)
                {
                    return EslReadStatus.Incomplete;
                }

                body = buffer.Slice(end, contentLength).ToArray();
                total += contentLength;
            }

            message = new EslMessage(headers, body);
            consumed = buffer.GetPosition(total);
            return EslReadStatus.Complete;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Parses <c>name: value</c> lines up to the first empty line. Returns the headers (URL-decoded values)
    /// and the Content-Length: 0 when absent, -1 when invalid, -2 when out of range.
    /// <paramref name="block"/> may extend past the empty line; <paramref name="headerBytes"/> reports where it ended.
    /// </summary>
    internal static List<KeyValuePair<string, string>> ParseHeaders(ReadOnlySpan<byte> block, out long contentLength) =>
        ParseHeaders(block, out contentLength, out _, keepContentLength: true);

    internal static List<KeyValuePair<string, string>> ParseHeaders(ReadOnlySpan<byte> block, out long contentLength, out int headerBytes, bool keepContentLength)
    {
        contentLength = 0;
        var headers = new List<KeyValuePair<string, string>>(8);
        var pos = 0;
        headerBytes = block.Length;
        while (pos < block.Length)
        {
            var rest = block[pos..];
            var eol = rest.IndexOf((byte)'\n');
            var line = eol < 0 ? rest : rest[..eol];
            pos += eol < 0 ? rest.Length : eol + 1;
            if (!line.IsEmpty && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                if (headers.Count > 0)
                {
                    headerBytes = pos;
                    break;
                }

                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                continue;
            }

            var name = EslNames.Get(line[..colon]);
            var valueBytes = line[(colon + 1)..];
            var lead = valueBytes.IndexOfAnyExcept((byte)' ', (byte)'\t');
            valueBytes = lead < 0 ? default : valueBytes[lead..];
            if (name.Equals(EslHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                if (!System.Buffers.Text.Utf8Parser.TryParse(valueBytes, out long n, out var used) || used != valueBytes.Length || n < 0)
                {
                    contentLength = -1;
                }
                else if (contentLength >= 0)
                {
                    contentLength = n > int.MaxValue ? -2 : n;
                }

                if (!keepContentLength)
                {
                    continue;
                }
            }

            headers.Add(new(name, valueBytes.IsEmpty ? string.Empty : EslUrlEncoding.Decode(valueBytes)));
        }

        return headers;
    }
}
