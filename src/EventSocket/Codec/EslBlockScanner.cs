using System.Buffers;

namespace Switch.EventSocket;

/// <summary>Finds header blocks in buffered bytes with FS's rule: a block ends at two LFs, CRs neither counting nor resetting.</summary>
internal static class EslBlockScanner
{
    /// <summary>
    /// Finds the next header block of a message or command: <paramref name="start"/> is past leading CR/LF, and
    /// <paramref name="end"/> is past the two LFs that close it (CRs ignored). Returns
    /// <see cref="EslReadStatus.Complete"/> when found, <see cref="EslReadStatus.Incomplete"/> when more bytes are
    /// needed, <see cref="EslReadStatus.HeaderBlockTooLarge"/> past <paramref name="maxHeaderBytes"/>.
    /// </summary>
    public static EslReadStatus LocateBlock(in ReadOnlySequence<byte> buffer, int maxHeaderBytes, out long start, out long end)
    {
        start = CountLeadingNewlines(buffer);
        end = -1;
        if (start == buffer.Length)
        {
            return EslReadStatus.Incomplete;
        }

        end = FindBlockEnd(buffer, start);
        if (end < 0)
        {
            return buffer.Length - start > maxHeaderBytes ? EslReadStatus.HeaderBlockTooLarge : EslReadStatus.Incomplete;
        }

        return end - start > maxHeaderBytes ? EslReadStatus.HeaderBlockTooLarge : EslReadStatus.Complete;
    }

    /// <summary>A contiguous view of a multi-segment block, in a pooled array the caller returns.</summary>
    public static ReadOnlySpan<byte> CopyToRented(in ReadOnlySequence<byte> block, out byte[] rented)
    {
        rented = ArrayPool<byte>.Shared.Rent((int)block.Length);
        block.CopyTo(rented);
        return rented.AsSpan(0, (int)block.Length);
    }

    /// <summary>Number of leading CR/LF bytes.</summary>
    public static long CountLeadingNewlines(in ReadOnlySequence<byte> buffer)
    {
        long count = 0;
        foreach (var segment in buffer)
        {
            var span = segment.Span;
            var i = span.IndexOfAnyExcept((byte)'\r', (byte)'\n');
            if (i >= 0)
            {
                return count + i;
            }

            count += span.Length;
        }

        return count;
    }

    /// <summary>
    /// Searches from <paramref name="start"/> for the end of the block. Returns the offset just past the
    /// terminating LF, or -1 when the block is not complete yet.
    /// </summary>
    public static long FindBlockEnd(in ReadOnlySequence<byte> buffer, long start)
    {
        long offset = 0;
        var lf = 0;
        foreach (var segment in buffer)
        {
            var span = segment.Span;
            var i = 0;
            if (offset + span.Length <= start)
            {
                offset += span.Length;
                continue;
            }

            if (offset < start)
            {
                i = (int)(start - offset);
            }

            while (i < span.Length)
            {
                if (lf == 0)
                {
                    var j = span[i..].IndexOf((byte)'\n');
                    if (j < 0)
                    {
                        i = span.Length;
                        break;
                    }

                    i += j + 1;
                    lf = 1;
                    continue;
                }

                var b = span[i++];
                if (b == '\n')
                {
                    return offset + i;
                }

                if (b != '\r')
                {
                    lf = 0;
                }
            }

            offset += span.Length;
        }

        return -1;
    }

    /// <summary>Parses a decimal content length the way C's atoi reads it; null when absent/garbage → 0.</summary>
    public static long ParseAtoi(ReadOnlySpan<byte> value, out bool overflow)
    {
        overflow = false;
        var i = 0;
        while (i < value.Length && (value[i] == ' ' || value[i] == '\t'))
        {
            i++;
        }

        var negative = false;
        if (i < value.Length && (value[i] == '-' || value[i] == '+'))
        {
            negative = value[i] == '-';
            i++;
        }

        long n = 0;
        while (i < value.Length && value[i] >= '0' && value[i] <= '9')
        {
            n = (n * 10) + (value[i] - '0');
            if (n > int.MaxValue)
            {
                overflow = true;
                return negative ? -1 : long.MaxValue;
            }

            i++;
        }

        return negative ? -n : n;
    }
}
