using Switch.EventSocket;

namespace Switch.Client;

/// <summary>A <c>command/reply</c>: the <c>Reply-Text</c> (<c>+OK …</c> / <c>-ERR …</c>) and the outer headers.</summary>
public sealed class CommandReply
{
    internal CommandReply(EslMessage message)
    {
        Message = message;
        ReplyText = message.ReplyText ?? string.Empty;
    }

    /// <summary>The reply as read from the wire.</summary>
    public EslMessage Message { get; }

    /// <summary>The <c>Reply-Text</c> header (URL-decoded).</summary>
    public string ReplyText { get; }

    /// <summary>True when the reply text starts with <c>+OK</c>.</summary>
    public bool IsOk => ReplyText.StartsWith("+OK", StringComparison.Ordinal);

    /// <summary>Any outer header, e.g. <c>Job-UUID</c>.</summary>
    public string? GetHeader(string name) => Message.GetHeader(name);

    /// <inheritdoc />
    public override string ToString() => ReplyText;
}
