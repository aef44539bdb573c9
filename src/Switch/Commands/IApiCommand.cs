namespace Switch.Commands;

/// <summary>
/// One api command, as FreeSWITCH's mod_commands defines it (uuid_kill, show, originate, ...). The event
/// socket runs it for `api` and `bgapi`; its text output is the body of the api/response.
/// </summary>
internal interface IApiCommand
{
    /// <summary>The command word, lower case (e.g. "uuid_kill").</summary>
    string Name { get; }

    /// <summary>The argument syntax printed after "-USAGE: " when the arguments are wrong.</summary>
    string Syntax { get; }

    /// <summary>
    /// Runs the command. <paramref name="args"/> is everything after the command word, trimmed, or empty.
    /// Returns the output exactly as FreeSWITCH prints it ("+OK ...\n", "-ERR ...\n", a table, a bare value).
    /// Failures a user can cause are outputs, never exceptions.
    /// </summary>
    ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken);
}
