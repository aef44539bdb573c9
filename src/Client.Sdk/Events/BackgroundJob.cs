using Switch.EventSocket;

namespace Switch.Client;

/// <summary><c>BACKGROUND_JOB</c>: the result of a <c>bgapi</c> command; the body is the command's output.</summary>
public sealed class BackgroundJob : EventMessage
{
    internal BackgroundJob(EslEvent raw)
        : base(raw)
    {
    }

    /// <summary><c>Job-UUID</c>: the id sent with the bgapi.</summary>
    public string? JobUuid => this["Job-UUID"];

    /// <summary><c>Job-Command</c>, e.g. <c>originate</c>.</summary>
    public string? JobCommand => this["Job-Command"];

    /// <summary><c>Job-Command-Arg</c>: the command's arguments.</summary>
    public string? JobCommandArg => this["Job-Command-Arg"];

    /// <summary>The command output (the body; empty when there is none).</summary>
    public string Output => Body ?? string.Empty;

    /// <summary>True unless the output starts with <c>-ERR</c> or <c>-USAGE</c>.</summary>
    public bool IsOk => !Output.StartsWith("-ERR", StringComparison.Ordinal) && !Output.StartsWith("-USAGE", StringComparison.Ordinal);

    /// <summary>The text after <c>-ERR </c> (e.g. <c>USER_BUSY</c> for a failed originate), or null when <see cref="IsOk"/>.</summary>
    public string? ErrorText => IsOk ? null
        : Output.StartsWith("-ERR ", StringComparison.Ordinal) ? Output[5..].Trim() : Output.Trim();
}
