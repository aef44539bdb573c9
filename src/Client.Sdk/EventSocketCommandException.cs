namespace Switch.Client;

/// <summary>The switch answered a command with an error (<c>-ERR …</c> in a command/reply), e.g. <c>-ERR invalid session id</c>.</summary>
public sealed class EventSocketCommandException : EventSocketException
{
    /// <summary>Creates the exception.</summary>
    public EventSocketCommandException()
        : base("The command failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EventSocketCommandException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public EventSocketCommandException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a command whose reply was <paramref name="replyText"/>.</summary>
    public EventSocketCommandException(string command, string replyText)
        : base($"'{command}' failed: {replyText}")
    {
        Command = command;
        ReplyText = replyText;
    }

    /// <summary>The command line that failed (when known).</summary>
    public string? Command { get; }

    /// <summary>The switch's reply text, e.g. <c>-ERR invalid session id [x]</c>.</summary>
    public string? ReplyText { get; }
}
