namespace Switch.EventSocket;

/// <summary>Result of a sendmsg (or other non-api) command: the exact <c>Reply-Text</c>.</summary>
/// <param name="ReplyText">E.g. <c>+OK</c> or <c>-ERR invalid session id [uuid]</c>; never empty.</param>
public readonly record struct EslCommandResult(string ReplyText)
{
    /// <summary><c>+OK</c>.</summary>
    public static EslCommandResult Ok { get; } = new("+OK");

    /// <summary><c>-ERR &lt;reason&gt;</c>.</summary>
    public static EslCommandResult Error(string reason) => new("-ERR " + reason);

    /// <summary>True when the reply starts with <c>+OK</c>.</summary>
    public bool IsOk => ReplyText is not null && ReplyText.StartsWith("+OK", StringComparison.Ordinal);
}
