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

    public SipResponse WithHeader(string name, string value) => ToBuilder().SetHeader(name, value).BuildResponse();

    public SipResponse WithAddedHeader(string name, string value) => ToBuilder().AddHeader(name, value).BuildResponse();

    public SipResponse WithoutHeader(string name) => ToBuilder().RemoveHeader(name).BuildResponse();

    public SipResponse WithBody(ReadOnlyMemory<byte> body, string? contentType) => ToBuilder().SetBody(body, contentType).BuildResponse();

    /// <summary>
    /// A response to <paramref name="request"/> per RFC 3261 §8.2.6: all Via values, From, To (with
    /// <paramref name="toTag"/> added when the request's To has none), Call-ID and CSeq copied.
    /// </summary>
    public static SipResponse CreateFor(SipRequest request, int status, string? reason = null, string? toTag = null) =>
        BuilderFor(request, status, reason, toTag).BuildResponse();

    /// <summary>As <see cref="CreateFor"/> but returns the builder, to add headers and a body before building.</summary>
    public static SipMessageBuilder BuilderFor(SipRequest request, int status, string? reason = null, string? toTag = null)
    {
        var builder = SipMessageBuilder.Response(status, reason);
        for (var i = 0; i < request.FieldCount; i++)
        {
            var id = request.GetField(i).Id;
            if (id == SipHeaderId.Via)
            {
                builder.AddRaw(id, SipHeaderNames.Via, request.FieldValue(i));
            }
        }

        CopyFirst(request, builder, SipHeaderId.From);
        if (request.ToTag is null && toTag is not null && FirstIndex(request, SipHeaderId.To) is var to and >= 0)
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
            CopyFirst(request, builder, SipHeaderId.To);
        }

        CopyFirst(request, builder, SipHeaderId.CallId);
        CopyFirst(request, builder, SipHeaderId.CSeq);
        return builder;
    }

    private static void CopyFirst(SipRequest request, SipMessageBuilder builder, SipHeaderId id)
    {
        var i = FirstIndex(request, id);
        if (i >= 0)
        {
            builder.AddRaw(id, SipHeaderNames.GetName(id), request.FieldValue(i));
        }
    }

    private static int FirstIndex(SipRequest request, SipHeaderId id)
    {
        for (var i = 0; i < request.FieldCount; i++)
        {
            if (request.GetField(i).Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
