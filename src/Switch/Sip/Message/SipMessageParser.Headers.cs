using System.Buffers;
using System.Text;

namespace Switch.Sip.Message;

internal static partial class SipMessageParser
{
    private static bool TryParseHeaders(ReadOnlyMemory<byte> input, ref int p, ref SipHeaderField[] fields, ref HeaderState state, out int count, out SipParseError error)
    {
        var s = input.Span;
        count = 0;
        while (true)
        {
            if (p + 1 < s.Length && s[p] == '\r' && s[p + 1] == '\n')
            {
                p += 2;
                error = SipParseError.None;
                return true;
            }

            var lineStart = p;
            var e = p < s.Length ? s[p..].IndexOf("\r\n"u8) : -1;
            if (e < 0)
            {
                error = new SipParseError(SipParseErrorKind.HeadersNotTerminated, null, "header section is not terminated by an empty line");
                return false;
            }

            var lineEnd = p + e;
            var folded = false;
            while (lineEnd + 2 < s.Length && s[lineEnd + 2] is (byte)' ' or (byte)'\t')
            {
                var next = s[(lineEnd + 2)..].IndexOf("\r\n"u8);
                if (next < 0)
                {
                    error = new SipParseError(SipParseErrorKind.HeadersNotTerminated, null, "header section is not terminated by an empty line");
                    return false;
                }

                lineEnd += 2 + next;
                folded = true;
            }

            var line = s[lineStart..lineEnd];
            var nameEnd = SipSyntax.SkipToken(line, 0);
            if (nameEnd == 0)
            {
                error = new SipParseError(SipParseErrorKind.InvalidHeaderLine, null, "header line does not start with a name");
                return false;
            }

            var c = nameEnd;
            while (c < line.Length && line[c] is (byte)' ' or (byte)'\t')
            {
                c++;
            }

            if (c >= line.Length || line[c] != ':')
            {
                error = new SipParseError(SipParseErrorKind.InvalidHeaderLine, Encoding.UTF8.GetString(line[..nameEnd]), "header line has no ':'");
                return false;
            }

            var v = c + 1;
            while (v < line.Length && SipSyntax.IsLws(line[v]))
            {
                v++;
            }

            var ve = line.Length;
            while (ve > v && SipSyntax.IsLws(line[ve - 1]))
            {
                ve--;
            }

            if (nameEnd > ushort.MaxValue)
            {
                error = new SipParseError(SipParseErrorKind.InvalidHeaderLine, null, "header name is too long");
                return false;
            }

            var id = SipHeaderNames.Lookup(line[..nameEnd]);
            if (count == fields.Length)
            {
                if (count >= MaxHeaderCount)
                {
                    error = new SipParseError(SipParseErrorKind.TooManyHeaders, null, "too many header lines");
                    return false;
                }

                var bigger = ArrayPool<SipHeaderField>.Shared.Rent(count * 2);
                fields.AsSpan(0, count).CopyTo(bigger);
                ArrayPool<SipHeaderField>.Shared.Return(fields);
                fields = bigger;
            }

            var valueSegment = new TextSegment(lineStart + v, ve - v);
            fields[count++] = new SipHeaderField(id, new TextSegment(lineStart, nameEnd), valueSegment, folded);
            if (id != SipHeaderId.Unknown && !TryProcessField(input, id, valueSegment, ref state, out error))
            {
                return false;
            }

            p = lineEnd + 2;
        }
    }

    /// <summary>
    /// Validates one known header's value and records the transaction keys it carries (the first Via, From, To,
    /// Call-ID, CSeq and Max-Forwards win). Shared with <see cref="SipMessageBuilder"/>, whose messages must
    /// answer exactly as parsed ones.
    /// </summary>
    internal static bool TryProcessField(ReadOnlyMemory<byte> input, SipHeaderId id, TextSegment segment, ref HeaderState state, out SipParseError error)
    {
        if (TryProcess(input, id, segment, ref state, out var detail))
        {
            error = SipParseError.None;
            return true;
        }

        error = new SipParseError(
            id is SipHeaderId.ContentLength && detail == ConflictingDetail ? SipParseErrorKind.ConflictingContentLength
            : id is SipHeaderId.ContentLength ? SipParseErrorKind.InvalidContentLength
            : SipParseErrorKind.InvalidHeaderValue,
            SipHeaderNames.GetName(id),
            detail);
        return false;
    }

    private const string ConflictingDetail = "several Content-Length values disagree";

    private static bool TryProcess(ReadOnlyMemory<byte> input, SipHeaderId id, TextSegment segment, ref HeaderState state, out string detail)
    {
        var value = segment.Of(input.Span);
        detail = string.Empty;
        switch (id)
        {
            case SipHeaderId.Via:
            {
                var i = 0;
                while (true)
                {
                    if (!SipViaScanner.TryScan(value, ref i, out var via, out detail))
                    {
                        return false;
                    }

                    if (!state.HasTopVia && state.TopVia is null)
                    {
                        // Made at the end, from the bytes the message keeps (a copy, maybe rewritten).
                        state.HasTopVia = true;
                        state.TopViaValue = segment;
                        state.TopViaParts = via;
                    }

                    if (i >= value.Length)
                    {
                        return true;
                    }

                    i++;
                }
            }

            case SipHeaderId.From:
            case SipHeaderId.To:
            {
                var i = 0;
                if (!SipNameAddrScanner.TryScan(value, ref i, list: false, allowWildcard: false, out var parts, out detail))
                {
                    return false;
                }

                if (id == SipHeaderId.From && !state.HasFrom)
                {
                    state.HasFrom = true;
                    state.FromTag = parts.Tag.IsPresent ? Encoding.UTF8.GetString(parts.Tag.Of(value)) : null;
                }
                else if (id == SipHeaderId.To && !state.HasTo)
                {
                    state.HasTo = true;
                    state.ToTag = parts.Tag.IsPresent ? Encoding.UTF8.GetString(parts.Tag.Of(value)) : null;
                }

                return true;
            }

            case SipHeaderId.CallId:
                if (value.IsEmpty || value.IndexOfAny(" \t\r\n"u8) >= 0)
                {
                    detail = "Call-ID is empty or contains whitespace";
                    return false;
                }

                state.CallId ??= Encoding.UTF8.GetString(value);
                return true;
            case SipHeaderId.CSeq:
                return TryCSeq(value, ref state, out detail);
            case SipHeaderId.ContentLength:
                if (!SipSyntax.TryParseUInt32(value, out var length) || length > int.MaxValue)
                {
                    detail = "Content-Length is not a non-negative number";
                    return false;
                }

                if (state.ContentLength >= 0 && state.ContentLength != (int)length)
                {
                    detail = ConflictingDetail;
                    return false;
                }

                state.ContentLength = (int)length;
                return true;
            case SipHeaderId.MaxForwards:
                if (!SipSyntax.TryParseUInt32(value, out var mf) || mf > 255)
                {
                    detail = "Max-Forwards is not a number from 0 to 255";
                    return false;
                }

                state.MaxForwards ??= (int)mf;
                return true;
            case SipHeaderId.Expires:
            case SipHeaderId.MinExpires:
                if (!SipSyntax.TryParseUInt32(value, out _))
                {
                    detail = "value is not a number of seconds below 2^32";
                    return false;
                }

                return true;
            case SipHeaderId.Contact:
                return SipNameAddrScanner.TryValidate(value, list: true, allowWildcard: true, out _, out detail);
            case SipHeaderId.Route:
            case SipHeaderId.RecordRoute:
                return SipNameAddrScanner.TryValidate(value, list: true, allowWildcard: false, out _, out detail);
            case SipHeaderId.Date:
                if (!value.EndsWith("GMT"u8))
                {
                    detail = "date is not in GMT";
                    return false;
                }

                return true;
            case SipHeaderId.ContentType:
            {
                var i = SipSyntax.SkipToken(value, 0);
                var slash = SipSyntax.SkipLws(value, i);
                if (i == 0 || slash >= value.Length || value[slash] != '/'
                    || SipSyntax.SkipToken(value, SipSyntax.SkipLws(value, slash + 1)) == SipSyntax.SkipLws(value, slash + 1))
                {
                    detail = "media type is not type/subtype";
                    return false;
                }

                return true;
            }

            default:
                return true;
        }
    }

    private static bool TryCSeq(ReadOnlySpan<byte> value, ref HeaderState state, out string detail)
    {
        var i = 0;
        while (i < value.Length && SipSyntax.IsDigit(value[i]))
        {
            i++;
        }

        if (!SipSyntax.TryParseUInt32(value[..i], out var number))
        {
            detail = "sequence number is missing or above 2^32-1";
            return false;
        }

        var m = SipSyntax.SkipLws(value, i);
        var methodEnd = SipSyntax.SkipToken(value, m);
        if (m == i || methodEnd == m || methodEnd != value.Length)
        {
            detail = "CSeq is not 'number method'";
            return false;
        }

        state.CSeq ??= new SipCSeq(number, SipMethod.Intern(value[m..methodEnd]));
        detail = string.Empty;
        return true;
    }

    /// <summary>What the header section said so far: Content-Length and the transaction keys.</summary>
    internal struct HeaderState
    {
        public int ContentLength;
        public SipVia? TopVia;
        public string? CallId;
        public SipCSeq? CSeq;
        public bool HasFrom;
        public bool HasTo;
        public string? FromTag;
        public string? ToTag;
        public int? MaxForwards;

        /// <summary>The first Via value was seen at <see cref="TopViaValue"/>, its first element at <see cref="TopViaParts"/>.</summary>
        public bool HasTopVia;
        public TextSegment TopViaValue;
        public SipViaParts TopViaParts;

        /// <summary>The keys, the top Via read from <paramref name="data"/> where the scanned bytes are now (moved by <paramref name="shift"/>).</summary>
        public readonly SipMessageKeys ToKeys(string version, ReadOnlyMemory<byte> data, int shift) =>
            new(version, TopVia ?? (HasTopVia ? SipVia.FromScanned(data.Slice(TopViaValue.Start + shift, TopViaValue.Length), TopViaParts) : null),
                CallId, CSeq, FromTag, ToTag, MaxForwards);
    }
}
