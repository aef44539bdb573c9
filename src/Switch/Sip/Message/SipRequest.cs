using System.Net;

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

    private SipUri ReadRequestUri()
    {
        var bytes = _uri.Of(Data.Span);
        _ = SipUriScanner.TryScan(bytes, out var parts, out _);
        return SipUri.FromScanned(bytes, parts);
    }

    /// <summary>A builder initialised with this request's start line, headers and body.</summary>
    public SipMessageBuilder ToBuilder() => SipMessageBuilder.FromMessage(this);

    /// <summary>A copy with the header set: the first line of that name replaced, later ones removed, or appended.</summary>
    public SipRequest WithHeader(string name, string value) => ToBuilder().SetHeader(name, value).BuildRequest();

    public SipRequest WithAddedHeader(string name, string value) => ToBuilder().AddHeader(name, value).BuildRequest();

    public SipRequest WithoutHeader(string name) => ToBuilder().RemoveHeader(name).BuildRequest();

    public SipRequest WithBody(ReadOnlyMemory<byte> body, string? contentType) => ToBuilder().SetBody(body, contentType).BuildRequest();
}
