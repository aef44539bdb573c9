using System.Buffers;

namespace Switch.EventSocket;

/// <summary>
/// Incremental framer of client→server commands with FreeSWITCH's tolerances (ESL-PROTOCOL.md §1.2):
/// leading CR/LF skipped; a block ends at two LFs ignoring CRs; lines split at CR or LF, empty lines ignored;
/// the first line is the command; headers split at the first ':' with leading spaces of the value skipped,
/// lines without ':' ignored; a <c>content-length</c> header (any case, read like C's atoi) is followed by
/// that many body bytes. Never throws on hostile input: limits and bad lengths come back as a status.
/// </summary>
public static class EslCommandReader
{
    /// <summary>
    /// Tries to read one command from <paramref name="buffer"/>. On <see cref="EslReadStatus.Complete"/>,
    /// <paramref name="consumed"/> is just past the command (and its body). On <see cref="EslReadStatus.Incomplete"/>
    /// it may be past skipped leading blank lines; the caller should mark the whole buffer examined.
    /// Error statuses are connection-fatal.
    /// </summary>
    public static EslReadStatus TryRead(in ReadOnlySequence<byte> buffer, EslFramingLimits limits, out EslCommand? command, out SequencePosition consumed)
    {
        ArgumentNullException.ThrowIfNull(limits);
        command = null;
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
            var status = ParseBlock(span, limits, out var line, out var headers, out var contentLength);
            if (status != EslReadStatus.Complete)
            {
                return status;
            }

            string? body = null;
            var total = end;
            if (contentLength > 0)
            {
                if (buffer.Length - end < contentLength)
                {
                    return EslReadStatus.Incomplete;
                }

                var bodySeq = buffer.Slice(end, contentLength);
                body = System.Text.EncodingExtensions.GetString(EslBytes.Utf8, bodySeq);
                total += contentLength;
            }

            command = new EslCommand(line, headers, body);
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

    private static EslReadStatus ParseBlock(ReadOnlySpan<byte> block, EslFramingLimits limits, out string line, out IReadOnlyList<KeyValuePair<string, string>> headers, out long contentLength)
    {
        line = string.Empty;
        contentLength = 0;
        List<KeyValuePair<string, string>>? list = null;
        var first = true;
        while (!block.IsEmpty)
        {
            var eol = block.IndexOfAny((byte)'\r', (byte)'\n');
            var current = eol < 0 ? block : block[..eol];
            block = eol < 0 ? default : block[eol..];
            var skip = block.IndexOfAnyExcept((byte)'\r', (byte)'\n');
            block = skip < 0 ? default : block[skip..];
            if (current.IsEmpty)
            {
                continue;
            }

            if (first)
            {
                line = EslBytes.Utf8.GetString(current);
                first = false;
                continue;
            }

            var colon = current.IndexOf((byte)':');
            if (colon < 0)
            {
                continue;
            }

            var nameBytes = current[..colon];
            var valueBytes = current[(colon + 1)..];
            var lead = valueBytes.IndexOfAnyExcept((byte)' ');
            valueBytes = lead < 0 ? default : valueBytes[lead..];
            var name = EslNames.Get(nameBytes);
            if (name.Equals("content-length", StringComparison.OrdinalIgnoreCase))
            {
                var n = EslBlockScanner.ParseAtoi(valueBytes, out var overflow);
                if (n < 0)
                {
                    headers = [];
                    return EslReadStatus.InvalidContentLength;
                }

                if (overflow || n > limits.MaxBodyBytes)
                {
                    headers = [];
                    return EslReadStatus.BodyTooLarge;
                }

                contentLength = n;
            }

            (list ??= new List<KeyValuePair<string, string>>(4)).Add(new(name, EslNames.GetString(valueBytes)));
        }

        headers = (IReadOnlyList<KeyValuePair<string, string>>?)list ?? [];
        return EslReadStatus.Complete;
    }
}
