namespace Switch.EventSocket;

/// <summary>
/// One server→client message as a client reads it: the outer headers (values URL-decoded, as libesl and
/// modesl do) and the body bytes (<c>Content-Length</c>). Dispatch on <see cref="ContentType"/>.
/// </summary>
public sealed class EslMessage
{
    private string? _bodyText;

    /// <summary>Creates a message.</summary>
    public EslMessage(IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Headers = headers;
        Body = body;
    }

    /// <summary>Outer headers in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Body bytes (empty when there is no <c>Content-Length</c>).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body decoded as UTF-8 (empty string when there is none).</summary>
    public string BodyText => _bodyText ??= Body.IsEmpty ? string.Empty : EslBytes.Utf8.GetString(Body.Span);

    /// <summary><c>Content-Type</c> header, e.g. <c>command/reply</c>.</summary>
    public string? ContentType => GetHeader(EslHeaderNames.ContentType);

    /// <summary><c>Reply-Text</c> header of a command/reply.</summary>
    public string? ReplyText => GetHeader(EslHeaderNames.ReplyText);

    /// <summary>True for a command/reply whose Reply-Text starts with <c>+OK</c>.</summary>
    public bool IsOk => ReplyText?.StartsWith("+OK", StringComparison.Ordinal) == true;

    /// <summary>The event format carried by this message, or null when it is not an event frame.</summary>
    public EslEventFormat? EventFormat => ContentType switch
    {
        EslConstants.ContentTypeEventPlain => EslEventFormat.Plain,
        EslConstants.ContentTypeEventJson => EslEventFormat.Json,
        EslConstants.ContentTypeEventXml => EslEventFormat.Xml,
        _ => null,
    };

    /// <summary>First outer header named <paramref name="name"/> (case-insensitive).</summary>
    public string? GetHeader(string name)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (string.Equals(Headers[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return Headers[i].Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Parses the event carried by this message: a <c>text/event-plain|json|xml</c> body, or the outbound
    /// <c>connect</c> reply (a command/reply whose outer headers are the channel data, detected by
    /// <c>Event-Name</c>). False when this is not an event or the body is malformed.
    /// </summary>
    public bool TryGetEvent(out EslEvent? evt)
    {
        switch (EventFormat)
        {
            case EslEventFormat.Plain:
                return EslEventParser.TryParsePlain(Body.Span, out evt);
            case EslEventFormat.Json:
                return EslEventParser.TryParseJson(Body.Span, out evt);
            case EslEventFormat.Xml:
                return EslEventParser.TryParseXml(Body.Span, out evt);
        }

        if (GetHeader(EslHeaderNames.EventName) is not null)
        {
            evt = new EslEvent(Headers);
            return true;
        }

        evt = null;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ContentType} {ReplyText}";
}
