using System.Net;
using System.Text;

namespace Switch.Sip.Message;

/// <summary>An immutable SIP request.</summary>
internal sealed class SipRequest : SipMessage
{
    private readonly TextSegment _uri;
    private SipUri? _requestUri;

    internal SipRequest(ReadOnlyMemory<byte> data, TextSegment startLine, SipHeaderField[] fields, ReadOnlyMemory<byte> body, in SipMessageKeys keys, string method, TextSegment uri,
        SipUri? requestUri = null)
        : base(data, startLine, fields, body, keys)
    {
        Method = method;
        _uri = uri;
        _requestUri = requestUri;
    }

    /// <summary>The method as written (case-sensitive); known methods are the <see cref="SipMethod"/> constants.</summary>
    public string Method { get; }

    /// <summary>The Request-URI (validated while parsing, materialized on first use).</summary>
    public SipUri RequestUri => _requestUri ??= ReadRequestUri();

    /// <summary>The Request-URI's scheme, lower case, read without materializing <see cref="RequestUri"/>.</summary>
    internal string RequestUriScheme
    {
        get
        {
            if (_requestUri is { } uri)
            {
                return uri.Scheme;
            }

            var colon = _uri.Of(Data.Span).IndexOf((byte)':');
            return SipUri.InternScheme(_uri.Of(Data.Span)[..Math.Max(colon, 0)]);
        }
    }

    /// <summary>True when the Request-URI has a header component ('?...'), read without materializing <see cref="RequestUri"/>.</summary>
    internal bool RequestUriHasHeaders
    {
        get
        {
            if (_requestUri is { } uri)
            {
                return uri.Headers is not null;
            }

            var bytes = _uri.Of(Data.Span);
            _ = SipUriScanner.TryScan(bytes, out var parts, out _);
            return parts.Headers.IsPresent;
        }
    }

    public bool IsInvite => ReferenceEquals(Method, SipMethod.Invite) || Method == SipMethod.Invite;

    public bool IsAck => Method == SipMethod.Ack;

    public bool IsCancel => Method == SipMethod.Cancel;

    /// <summary>
    /// A copy whose top Via carries <c>received</c> and a filled <c>rport</c> (RFC 3261 §18.2.1, RFC 3581 §4),
    /// rewritten at the byte level: the other parameters keep their bytes and order, an existing received is
    /// replaced, a bare rport gets its value in place. Everything else stays byte for byte.
    /// </summary>
    internal SipRequest WithViaStamp(IPAddress received, int? rport)
    {
        for (var i = 0; i < FieldCount; i++)
        {
            var field = GetField(i);
            if (field.Id != SipHeaderId.Via)
            {
                continue;
            }

            var data = Data.Span;
            var value = field.Value.Of(data);
            var p = 0;
            if (!SipViaScanner.TryScan(value, ref p, out var parts, out _))
            {
                return this;
            }

            var element = value.Slice(parts.Element.Start, parts.Element.Length);
            var room = element.Length + SipViaReceived.MaxGrowth;
            var stamped = room <= 1024 ? stackalloc byte[room] : new byte[room];
            var used = SipViaReceived.Write(value, parts, received, rport, stamped);
            if (used < 0)
            {
                return this;
            }

            var at = field.Value.Start + parts.Element.Start;
            var delta = used - element.Length;
            var bytes = new byte[data.Length + delta];
            data[..at].CopyTo(bytes);
            stamped[..used].CopyTo(bytes.AsSpan(at));
            data[(at + element.Length)..].CopyTo(bytes.AsSpan(at + used));

            // Only this element changed: the other lines move by delta, the keys stay but the top Via.
            var stampedValue = new TextSegment(field.Value.Start, field.Value.Length + delta);
            if (SipVia.Restamped(bytes.AsMemory(stampedValue.Start, stampedValue.Length), TopVia!) is not { } topVia)
            {
                return this;
            }

            var fields = new SipHeaderField[FieldCount];
            for (var j = 0; j < fields.Length; j++)
            {
                var f = GetField(j);
                fields[j] = j < i ? f : j == i ? new SipHeaderField(f.Id, f.Name, stampedValue, f.Folded) : f.Rebase(delta);
            }

            var body = bytes.AsMemory(bytes.Length - Body.Length, Body.Length);
            return new SipRequest(bytes, StartLine, fields, body, Keys with { TopVia = topVia }, Method, _uri, _requestUri);
        }

        return this;
    }

    /// <summary>
    /// A copy with <paramref name="via"/> as its only Via, the first header line (a transaction's top Via). The other
    /// lines keep their bytes, so for a request made by <see cref="SipMessageBuilder"/> the result is what
    /// <c>ToBuilder().RemoveHeader("Via").PrependHeader("Via", via).Build()</c> gives, without a builder.
    /// Throws <see cref="InvalidOperationException"/> for an invalid Via.
    /// </summary>
    internal SipRequest WithOnlyVia(string via)
    {
        if (TopVia is not null || via.AsSpan().IndexOfAny('\r', '\n') >= 0 || !IsInBuilderForm())
        {
            return ToBuilder().RemoveHeader(SipHeaderNames.Via).PrependHeader(SipHeaderNames.Via, via).BuildRequestOnce();
        }

        var data = Data.Span;
        var at = StartLine.End + 2;
        var inserted = 5 + Encoding.UTF8.GetByteCount(via) + 2;
        var bytes = new byte[data.Length + inserted];
        data[..at].CopyTo(bytes);
        "Via: "u8.CopyTo(bytes.AsSpan(at));
        var end = at + 5 + Encoding.UTF8.GetBytes(via, bytes.AsSpan(at + 5));
        "\r\n"u8.CopyTo(bytes.AsSpan(end));
        data[at..].CopyTo(bytes.AsSpan(at + inserted));

        // The value as the parser delimits it: after the colon, LWS trimmed on both sides.
        var start = SipSyntax.SkipLws(bytes.AsSpan(0, end), at + 4);
        var segment = new TextSegment(start, SipSyntax.TrimLws(bytes.AsSpan(start, end - start)).Length);
        var state = new SipMessageParser.HeaderState { ContentLength = -1 };
        if (!SipMessageParser.TryProcessField(bytes, SipHeaderId.Via, segment, ref state, out var error))
        {
            throw new InvalidOperationException($"Built SIP message is invalid: {error}");
        }

        var fields = new SipHeaderField[FieldCount + 1];
        fields[0] = new SipHeaderField(SipHeaderId.Via, new TextSegment(at, 3), segment, false);
        for (var i = 0; i < FieldCount; i++)
        {
            fields[i + 1] = GetField(i).Rebase(inserted);
        }

        var body = bytes.AsMemory(bytes.Length - Body.Length, Body.Length);
        var keys = Keys with { TopVia = state.ToKeys(Version, bytes, 0).TopVia };
        return new SipRequest(bytes, StartLine, fields, body, keys, Method, _uri, _requestUri);
    }

    /// <summary>
    /// True when the bytes are exactly what a builder copy would write again: "METHOD uri SIP/2.0", every line
    /// "Name: value" with the long name and no LWS around the value, Content-Length last and in plain digits.
    /// </summary>
    private bool IsInBuilderForm()
    {
        var data = Data.Span;
        var line = StartLineBytes;
        if (!line.EndsWith(" SIP/2.0"u8) || line.Length != Method.Length + 1 + _uri.Length + 8 || _uri.Start != Method.Length + 1)
        {
            return false;
        }

        var p = StartLine.End + 2;
        for (var i = 0; i < FieldCount; i++)
        {
            var f = GetField(i);
            var name = f.Name.Of(data);
            if (f.Folded || f.Name.Start != p || f.Value.Start != f.Name.End + 2 || data[f.Name.End] != ':' || data[f.Name.End + 1] != ' '
                || data[f.Value.End] != '\r' || (f.Id != SipHeaderId.Unknown && !name.SequenceEqual(SipHeaderNames.GetNameBytes(f.Id))))
            {
                return false;
            }

            if (f.Id == SipHeaderId.ContentLength
                && (i != FieldCount - 1 || (f.Value.Length > 1 && data[f.Value.Start] == '0')))
            {
                return false;
            }

            p = f.Value.End + 2;
        }

        return FieldCount > 0 && GetField(FieldCount - 1).Id == SipHeaderId.ContentLength && p + 2 == Data.Length - Body.Length;
    }

    private SipUri ReadRequestUri()
    {
        var bytes = _uri.Of(Data.Span);
        _ = SipUriScanner.TryScan(bytes, out var parts, out _);
        return SipUri.FromScanned(bytes, parts);
    }

    /// <summary>A builder initialised with this request's start line, headers and body.</summary>
    public SipMessageBuilder ToBuilder() => SipMessageBuilder.FromMessage(this);

    /// <summary>A copy with the header set: the first line of that name replaced, later ones removed, or appended.</summary>
    public SipRequest WithHeader(string name, string value) => ToBuilder().SetHeader(name, value).BuildRequestOnce();

    public SipRequest WithAddedHeader(string name, string value) => ToBuilder().AddHeader(name, value).BuildRequestOnce();

    public SipRequest WithoutHeader(string name) => ToBuilder().RemoveHeader(name).BuildRequestOnce();

    public SipRequest WithBody(ReadOnlyMemory<byte> body, string? contentType) => ToBuilder().SetBody(body, contentType).BuildRequestOnce();
}
