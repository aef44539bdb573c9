namespace Switch.Client;

/// <summary>
/// The output of an <c>api</c> command (the <c>api/response</c> body). FreeSWITCH reports failures inside the
/// output: <c>-ERR …</c> (or <c>-USAGE: …</c>); a command that printed nothing yields <c>-ERR no reply</c>, which
/// counts as success with empty <see cref="Output"/>.
/// </summary>
/// <param name="Body">The raw body as the switch sent it.</param>
public sealed record ApiResponse(string Body)
{
    private const string NoReply = "-ERR no reply";

    /// <summary>True unless the body starts with <c>-ERR</c> (other than <c>-ERR no reply</c>) or <c>-USAGE</c>.</summary>
    public bool IsOk => !IsError;

    /// <summary>True when the body reports an error.</summary>
    public bool IsError =>
        (Body.StartsWith("-ERR", StringComparison.Ordinal) && !IsNoReply) || Body.StartsWith("-USAGE", StringComparison.Ordinal);

    /// <summary>True for FreeSWITCH's <c>-ERR no reply</c> (the command printed nothing).</summary>
    public bool IsNoReply => Body.TrimEnd('\n', '\r') == NoReply;

    /// <summary>The output: the body, or empty for <c>-ERR no reply</c>.</summary>
    public string Output => IsNoReply ? string.Empty : Body;

    /// <summary>The error text without the <c>-ERR </c> prefix and trailing newline, or null when <see cref="IsOk"/>.</summary>
    public string? ErrorText => !IsError ? null
        : Body.StartsWith("-ERR ", StringComparison.Ordinal) ? Body[5..].TrimEnd('\n', '\r')
        : Body.TrimEnd('\n', '\r');

    /// <inheritdoc />
    public override string ToString() => Body.TrimEnd('\n');
}
