namespace Switch.Sip.Message;

/// <summary>An immutable SIP response.</summary>
internal sealed class SipResponse : SipMessage
{
    internal SipResponse(ReadOnlyMemory<byte> data, TextSegment startLine, SipHeaderField[] fields, ReadOnlyMemory<byte> body, in SipMessageKeys keys, int statusCode, string reasonPhrase)
        : base(data, startLine, fields, body, keys)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool IsFinal => StatusCode >= 200;

    public SipMessageBuilder ToBuilder() => SipMessageBuilder.FromMessage(this);

    public SipResponse WithHeader(string name, string value) => ToBuilder().SetHeader(name, value).BuildResponseOnce();

    public SipResponse WithAddedHeader(string name, string value) => ToBuilder().AddHeader(name, value).BuildResponseOnce();

    public SipResponse WithoutHeader(string name) => ToBuilder().RemoveHeader(name).BuildResponseOnce();

    public SipResponse WithBody(ReadOnlyMemory<byte> body, string? contentType) => ToBuilder().SetBody(body, contentType).BuildResponseOnce();

    /// <summary>
    /// A response to <paramref name="request"/> per RFC 3261 §8.2.6: all Via values, From, To (with
    /// <paramref name="toTag"/> added when the request's To has none), Call-ID and CSeq copied.
    /// </summary>
    public static SipResponse CreateFor(SipRequest request, int status, string? reason = null, string? toTag = null) =>
        BuilderFor(request, status, reason, toTag).BuildResponseOnce();

    /// <summary>As <see cref="CreateFor"/> but returns the builder, to add headers and a body before building.</summary>
    public static SipMessageBuilder BuilderFor(SipRequest request, int status, string? reason = null, string? toTag = null)
    {
        var builder = SipMessageBuilder.Response(status, reason);
        int from = -1, to = -1, callId = -1, cseq = -1;
        for (var i = 0; i < request.FieldCount; i++)
        {
            switch (request.GetField(i).Id)
            {
                case SipHeaderId.Via:
                    builder.AddCopy(request, i);
                    break;
                case SipHeaderId.From when from < 0:
                    from = i;
                    break;
                case SipHeaderId.To when to < 0:
                    to = i;
                    break;
                case SipHeaderId.CallId when callId < 0:
                    callId = i;
                    break;
                case SipHeaderId.CSeq when cseq < 0:
                    cseq = i;
                    break;
            }
        }

        CopyIfPresent(request, builder, from);
        if (request.ToTag is null && toTag is not null && to >= 0)
        {
            // The tag is the last parameter: append it to the value as received.
            var value = request.FieldValue(to).Span;
            var tagged = new byte[value.Length + 5 + System.Text.Encoding.UTF8.GetByteCount(toTag)];
            value.CopyTo(tagged);
            ";tag="u8.CopyTo(tagged.AsSpan(value.Length));
            System.Text.Encoding.UTF8.GetBytes(toTag, tagged.AsSpan(value.Length + 5));
            builder.AddRaw(SipHeaderId.To, SipHeaderNames.To, tagged);
        }
        else
        {
            CopyIfPresent(request, builder, to);
        }

        CopyIfPresent(request, builder, callId);
        CopyIfPresent(request, builder, cseq);
        return builder;
    }

    private static void CopyIfPresent(SipRequest request, SipMessageBuilder builder, int index)
    {
        if (index >= 0)
        {
            builder.AddCopy(request, index);
        }
    }
}
