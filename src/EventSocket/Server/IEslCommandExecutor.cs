namespace Switch.EventSocket;

/// <summary>
/// What the host does for the event socket: run api commands, deliver sendmsg to channels, publish events
/// and describe channels. Implementations must be thread-safe; calls for one connection arrive in order.
/// </summary>
public interface IEslCommandExecutor
{
    /// <summary>
    /// Runs an api command (for <c>api</c> and <c>bgapi</c>) and returns its output exactly as FreeSWITCH prints it
    /// (e.g. <c>+OK &lt;uuid&gt;\n</c>, <c>-ERR NO_ANSWER\n</c>, <c>-ERR foo Command not found!\n</c>, <c>-USAGE: …\n</c>).
    /// Errors are output text, not exceptions. An empty result becomes <c>-ERR no reply\n</c> for <c>api</c>
    /// (and an empty BACKGROUND_JOB body for <c>bgapi</c>). The host should also fire its <c>API</c> event.
    /// </summary>
    /// <param name="command">The command word, e.g. <c>originate</c>.</param>
    /// <param name="arguments">Everything after the first space, untouched; null when there was none.</param>
    /// <param name="cancellationToken">Cancelled when the server stops (and, for <c>api</c>, when the connection closes).</param>
    ValueTask<string> ExecuteApiAsync(string command, string? arguments, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers a <c>sendmsg</c> to channel <paramref name="uuid"/> (<see cref="EslSendMsg.Parse"/> reads the
    /// headers): <c>call-command: execute|hangup|…</c>; for execute, copy <c>Event-UUID</c> into the
    /// <c>Application-UUID</c> of CHANNEL_EXECUTE/CHANNEL_EXECUTE_COMPLETE. Return <see cref="EslCommandResult.Ok"/>
    /// once queued, or e.g. <c>EslCommandResult.Error("invalid session id [" + uuid + "]")</c>.
    /// </summary>
    /// <param name="uuid">Target channel: the command argument, else the <c>session-id</c> header, else the bound channel.</param>
    /// <param name="headers">The sendmsg headers in order, values raw.</param>
    /// <param name="body">The body (app argument for <c>content-type: text/plain</c>), or null.</param>
    /// <param name="cancellationToken">Cancelled when the connection closes.</param>
    ValueTask<EslCommandResult> SendMsgAsync(string uuid, IReadOnlyList<KeyValuePair<string, string>> headers, string? body, CancellationToken cancellationToken);

    /// <summary>
    /// Creates and publishes an event on the host's bus (so every subscriber, including this server, receives it):
    /// the host puts its standard headers first (<c>Event-Name</c> = <paramref name="eventName"/>, <c>Core-UUID</c>,
    /// dates, <c>Event-Sequence</c>, …), then <paramref name="headers"/> in order, and sets <paramref name="body"/>.
    /// Used for BACKGROUND_JOB (headers <c>Job-UUID</c>, [<c>Job-Owner-UUID</c>], <c>Job-Command</c>,
    /// [<c>Job-Command-Arg</c>]) and for <c>sendevent</c> (the client's headers plus <c>Event-UUID</c>; for CUSTOM
    /// the client's <c>Event-Subclass</c>). Must not block.
    /// </summary>
    void PublishEvent(string eventName, IReadOnlyList<KeyValuePair<string, string>> headers, string? body);

    /// <summary>
    /// The CHANNEL_DATA event of a live channel (standard headers, <c>Channel-*</c> caller profile, channel headers,
    /// <c>variable_*</c>), or null when no such channel exists. Used for the outbound <c>connect</c> reply,
    /// <c>myevents &lt;uuid&gt;</c> validation and <c>getvar</c>.
    /// </summary>
    ValueTask<EslEvent?> GetChannelDataAsync(string uuid, CancellationToken cancellationToken);
}
