using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Switch.Sip.Message;

internal sealed partial class SipMessageBuilder
{
    private const int ContentLengthNameLength = 14;

    /// <summary>
    /// Writes the message into one exactly sized buffer and makes the message from what was written: the field table,
    /// the start line and the transaction keys come from the writing, not from parsing the bytes again. Known header
    /// values are checked as the parser checks them; values copied from a parsed message are valid already and lend
    /// it their keys. Throws <see cref="InvalidOperationException"/> if a header value is invalid.
    /// </summary>
    public SipMessage Build()
    {
        ThrowIfSpent();
        if (_count + 1 > SipMessageParser.MaxHeaderCount)
        {
            throw Invalid(new SipParseError(SipParseErrorKind.TooManyHeaders, null, "too many header lines"));
        }

        var uriText = _requestUri?.ToString();
        int startLength;
        if (_method is not null)
        {
            startLength = _method.Length + 1 + Encoding.UTF8.GetByteCount(uriText!) + 8;
        }
        else if (Ascii.IsValid(_reason))
        {
            startLength = 12 + _reason!.Length;
        }
        else
        {
            return BuildByParsing();
        }

        var size = startLength + 2;
        foreach (ref readonly var e in _headers.AsSpan(0, _count))
        {
            int valueLength;
            if (e.TextValue is { } text)
            {
                valueLength = Encoding.UTF8.GetByteCount(text);
            }
            else if (e.Bytes.Span.IndexOfAny((byte)'\r', (byte)'\n') < 0)
            {
                valueLength = e.Bytes.Length;
            }
            else
            {
                return BuildByParsing();
            }

            size += NameLength(e) + 2 + valueLength + 2;
        }

        var bodyLength = _body.Length;
        size += ContentLengthNameLength + 2 + CountDigits(bodyLength) + 2 + 2 + bodyLength;
        var buffer = new byte[size];
        var span = buffer.AsSpan();
        var n = WriteStartLine(span, uriText, out var uriSegment);
        var fields = new SipHeaderField[_count + 1];
        var state = new SipMessageParser.HeaderState { ContentLength = -1 };
        var seen = 0UL;
        for (var i = 0; i < _count; i++)
        {
            ref readonly var e = ref _headers[i];
            var lineStart = n;
            n += WriteName(span[n..], e);
            var nameLength = n - lineStart;
            span[n++] = (byte)':';
            span[n++] = (byte)' ';
            n += e.TextValue is { } text ? Encoding.UTF8.GetBytes(text, span[n..]) : Copy(e.Bytes.Span, span[n..]);
            fields[i] = Field(span, e.Id, lineStart, nameLength, n);
            span[n++] = (byte)'\r';
            span[n++] = (byte)'\n';
            if (e.Id == SipHeaderId.Unknown)
            {
                continue;
            }

            var bit = 1UL << (int)e.Id;
            var first = (seen & bit) == 0;
            seen |= bit;
            if (e.Source is { } source && e.Id != SipHeaderId.ContentLength)
            {
                // Valid as parsed; only the first line of a key header sets a key, which the source already holds.
                if (first && IsKey(e.Id) && !TryInheritKey(source, e, ref state))
                {
                    Process(buffer, e.Id, fields[i].Value, ref state);
                }
            }
            else
            {
                if (first && e.Id == SipHeaderId.CallId && e.TextValue is { } callId && fields[i].Value.Length == callId.Length && Ascii.IsValid(callId))
                {
                    // The value is this string byte for byte: the key is the string itself (still checked below).
                    state.CallId = callId;
                }

                Process(buffer, e.Id, fields[i].Value, ref state);
            }
        }

        var contentLengthStart = n;
        n += SipMessageWriter.WriteContentLength(span[n..], bodyLength);
        var contentLength = new SipHeaderField(SipHeaderId.ContentLength, new TextSegment(contentLengthStart, ContentLengthNameLength),
            new TextSegment(contentLengthStart + ContentLengthNameLength + 2, CountDigits(bodyLength)), false);
        fields[^1] = contentLength;
        Process(buffer, SipHeaderId.ContentLength, contentLength.Value, ref state);
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        _body.Span.CopyTo(span[n..]);
        var body = buffer.AsMemory(n, bodyLength);
        var keys = state.ToKeys("SIP/2.0", buffer, 0);
        var startLine = new TextSegment(0, startLength);
        return _method is not null
            ? new SipRequest(buffer, startLine, fields, body, keys, _method, uriSegment, _requestUri)
            : new SipResponse(buffer, startLine, fields, body, keys, _status, _reason!);
    }

    public SipRequest BuildRequest() =>
        Build() as SipRequest ?? throw new InvalidOperationException("The builder holds a response.");

    public SipResponse BuildResponse() =>
        Build() as SipResponse ?? throw new InvalidOperationException("The builder holds a request.");

    /// <summary>
    /// <see cref="BuildRequest"/> for a builder used once: its line storage goes back for the next builder made on this
    /// thread, and any later use of this builder throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public SipRequest BuildRequestOnce()
    {
        try
        {
            return BuildRequest();
        }
        finally
        {
            Release();
        }
    }

    /// <summary><see cref="BuildResponse"/> for a builder used once (see <see cref="BuildRequestOnce"/>).</summary>
    public SipResponse BuildResponseOnce()
    {
        try
        {
            return BuildResponse();
        }
        finally
        {
            Release();
        }
    }

    /// <summary>The general way, for what the direct one does not cover (folded values, a non-ASCII reason phrase).</summary>
    private SipMessage BuildByParsing()
    {
        var bytes = Serialize();
        return SipMessageParser.TryParse(bytes, out var message, out var error) ? message : throw Invalid(error);
    }

    private int WriteStartLine(Span<byte> span, string? uriText, out TextSegment uriSegment)
    {
        int n;
        if (_method is not null)
        {
            n = Encoding.UTF8.GetBytes(_method, span);
            span[n++] = (byte)' ';
            var uriStart = n;
            n += Encoding.UTF8.GetBytes(uriText!, span[n..]);
            uriSegment = new TextSegment(uriStart, n - uriStart);
            var uri = uriSegment.Of(span);
            if (uri.IsEmpty || uri.IndexOfAny((byte)' ', (byte)'\t') >= 0 || !SipUriScanner.TryScan(uri, out _, out _))
            {
                throw Invalid(new SipParseError(SipParseErrorKind.InvalidRequestUri, null, "Request-URI is not valid"));
            }

            " SIP/2.0"u8.CopyTo(span[n..]);
            n += 8;
        }
        else
        {
            uriSegment = TextSegment.None;
            "SIP/2.0 "u8.CopyTo(span);
            n = 8;
            _ = Utf8Formatter.TryFormat(_status, span[n..], out var digits);
            n += digits;
            span[n++] = (byte)' ';
            n += Encoding.ASCII.GetBytes(_reason!, span[n..]);
        }

        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        return n;
    }

    private static int NameLength(in Entry e) => e.Id != SipHeaderId.Unknown ? SipHeaderNames.GetNameBytes(e.Id).Length : e.Name!.Length;

    private static int WriteName(Span<byte> span, in Entry e)
    {
        if (e.Id != SipHeaderId.Unknown)
        {
            var name = SipHeaderNames.GetNameBytes(e.Id);
            name.CopyTo(span);
            return name.Length;
        }

        return Encoding.ASCII.GetBytes(e.Name!, span);
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    /// <summary>The field as the parser records it: the value trimmed of LWS on both sides.</summary>
    private static SipHeaderField Field(ReadOnlySpan<byte> s, SipHeaderId id, int lineStart, int nameLength, int lineEnd)
    {
        var v = lineStart + nameLength + 1;
        while (v < lineEnd && SipSyntax.IsLws(s[v]))
        {
            v++;
        }

        var end = lineEnd;
        while (end > v && SipSyntax.IsLws(s[end - 1]))
        {
            end--;
        }

        return new SipHeaderField(id, new TextSegment(lineStart, nameLength), new TextSegment(v, end - v), false);
    }

    private static bool IsKey(SipHeaderId id) =>
        id is SipHeaderId.Via or SipHeaderId.From or SipHeaderId.To or SipHeaderId.CallId or SipHeaderId.CSeq or SipHeaderId.MaxForwards;

    /// <summary>Takes a key from the message the value was copied from, when the value is that message's first line of its kind.</summary>
    private static bool TryInheritKey(SipMessage source, in Entry e, ref SipMessageParser.HeaderState state)
    {
        for (var i = 0; i < e.SourceIndex; i++)
        {
            if (source.GetField(i).Id == e.Id)
            {
                return false;
            }
        }

        switch (e.Id)
        {
            case SipHeaderId.Via:
                state.TopVia = source.TopVia;
                break;
            case SipHeaderId.From:
                state.HasFrom = true;
                state.FromTag = source.FromTag;
                break;
            case SipHeaderId.To:
                state.HasTo = true;
                state.ToTag = source.ToTag;
                break;
            case SipHeaderId.CallId:
                state.CallId = source.CallId;
                break;
            case SipHeaderId.CSeq:
                state.CSeq = source.CSeq;
                break;
            default:
                state.MaxForwards = source.MaxForwards;
                break;
        }

        return true;
    }

    private static void Process(byte[] buffer, SipHeaderId id, TextSegment value, ref SipMessageParser.HeaderState state)
    {
        if (!SipMessageParser.TryProcessField(buffer, id, value, ref state, out var error))
        {
            throw Invalid(error);
        }
    }

    private static InvalidOperationException Invalid(SipParseError error) => new($"Built SIP message is invalid: {error}");

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

    private byte[] Serialize()
    {
        var startLine = _method is not null
            ? Encoding.UTF8.GetBytes(_method + " " + _requestUri + " SIP/2.0")
            : Encoding.UTF8.GetBytes("SIP/2.0 " + _status.ToString(CultureInfo.InvariantCulture) + " " + _reason);
        var size = startLine.Length + 2 + SipMessageWriter.UpperBoundContentLength + 2 + _body.Length;
        foreach (ref readonly var e in _headers.AsSpan(0, _count))
        {
            size += NameLength(e) + 4 + (e.TextValue is { } text ? Encoding.UTF8.GetByteCount(text) : e.Bytes.Length);
        }

        var buffer = new byte[size];
        var span = buffer.AsSpan();
        startLine.CopyTo(span);
        var n = startLine.Length;
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        foreach (ref readonly var e in _headers.AsSpan(0, _count))
        {
            var name = e.Id != SipHeaderId.Unknown ? SipHeaderNames.GetNameBytes(e.Id) : Encoding.ASCII.GetBytes(e.Name!);
            var value = e.TextValue is { } text ? Encoding.UTF8.GetBytes(text) : e.Bytes;
            n += SipMessageWriter.WriteHeader(span[n..], name, value.Span);
        }

        n += SipMessageWriter.WriteContentLength(span[n..], _body.Length);
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        _body.Span.CopyTo(span[n..]);
        n += _body.Length;
        return n == buffer.Length ? buffer : buffer[..n];
    }
}
