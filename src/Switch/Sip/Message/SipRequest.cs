namespace Switch.Sip.Message;

/// <summary>An immutable SIP request.</summary>
internal sealed class SipRequest : SipMessage
{
    private readonly TextSegment _uri;
    private SipUri? _requestUri;

    internal SipRequest(ReadOnlyMemory<byte> data, TextSegment startLine, SipHeaderField[] fields, ReadOnlyMemory<byte> body, in SipMessageKeys keys, string method, TextSegment uri)
        : base(data, startLine, fields, body, keys)
    {
        Method = method;
        _uri = uri;
    }

    /// <summary>The method as written (case-sensitive); known methods are the <see cref="SipMethod"/> constants.</summary>
    public string Method { get; }

    /// <summary>The Request-URI (validated while parsing, materialized on first use).</summary>
    public SipUri RequestUri => _requestUri ??= ReadRequestUri();

    public bool IsInvite => ReferenceEquals(Method, SipMethod.Invite) || Method == SipMethod.Invite;

    public bool IsAck => Method == SipMethod.Ack;

    public bool IsCancel => Method == SipMethod.Cancel;

    /// <summary>
    /// A copy whose first Via value is replaced (other values on that line are kept); the transport uses it to add
    /// received/rport (RFC 3261 §18.2.1, RFC 3581 §4). Everything else stays byte for byte.
    /// </summary>
    internal SipRequest WithTopVia(SipVia via)
    {
        for (var i = 0; i < FieldCount; i++)
        {
            var field = GetField(i);
            if (field.Id != SipHeaderId.Via)
            {
                continue;
            }

            var data = Data.Span;
            var value = field.Value;
            var p = 0;
            if (!SipViaScanner.TryScan(value.Of(data), ref p, out var parts, out _))
            {
                break;
            }

            var start = value.Start + parts.Element.Start;
            var end = value.Start + parts.Element.End;
            var text = System.Text.Encoding.UTF8.GetBytes(via.ToString());
            var bytes = new byte[data.Length - (end - start) + text.Length];
            data[..start].CopyTo(bytes);
            text.CopyTo(bytes.AsSpan(start));
            data[end..].CopyTo(bytes.AsSpan(start + text.Length));
            if (SipMessageParser.TryParseRequest(bytes, out var request, out _))
            {
                return request;
            }

            break;
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
