using System.Buffers;
using Switch.EventSocket;

namespace Switch.Client;

public abstract partial class EventSocketConnection
{
    private static readonly string[] ExecuteEvents = [EventNames.ChannelExecuteComplete, EventNames.ChannelHangupComplete];
    private static readonly string[] JobEvents = [EventNames.BackgroundJob];

    /// <summary>Sends any command (<c>line</c>, optional headers and body) and returns its command/reply as is.</summary>
    public async Task<CommandReply> SendCommandAsync(string line, IReadOnlyList<KeyValuePair<string, string>>? headers = null, string? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(line);
        var message = await RequireTransport()
            .SendAsync(w => EslCommandWriter.WriteCommand(w, line, headers, body), EslReplyKind.CommandReply, cancellationToken)
            .ConfigureAwait(false);
        return new CommandReply(message);
    }

    /// <summary>
    /// <c>api &lt;command&gt;</c>: runs the command synchronously on the switch and returns its output. Errors come back
    /// as output (<see cref="ApiResponse.IsError"/>); only connection problems throw.
    /// </summary>
    public async Task<ApiResponse> ApiAsync(string command, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        var message = await RequireTransport()
            .SendAsync(w => EslCommandWriter.WriteApi(w, command), EslReplyKind.ApiResponse, cancellationToken)
            .ConfigureAwait(false);
        return new ApiResponse(message.BodyText);
    }

    /// <summary>
    /// <c>bgapi &lt;command&gt;</c> with a <c>Job-UUID</c> of our own; completes when the matching BACKGROUND_JOB
    /// arrives (subscribing to BACKGROUND_JOB first when needed). The job's output is <see cref="BackgroundJob.Output"/>.
    /// </summary>
    /// <exception cref="EventSocketCommandException">The switch refused the bgapi.</exception>
    /// <exception cref="EventSocketDisconnectedException">The connection went down before the job finished.</exception>
    public async Task<BackgroundJob> BgApiAsync(string command, CancellationToken cancellationToken = default)
    {
        var (jobUuid, completion) = await StartBackgroundJobAsync(command, cancellationToken).ConfigureAwait(false);
        try
        {
            return await completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _jobs.TryRemove(jobUuid, out _);
            throw;
        }
    }

    /// <summary>
    /// <c>sendmsg [uuid]</c> with the given headers (e.g. <c>call-command: execute</c>) and optional body; returns
    /// the reply as is. <see cref="ExecuteAsync"/> and <see cref="HangupAsync"/> are the common cases.
    /// </summary>
    public async Task<CommandReply> SendMsgAsync(string? uniqueId, IReadOnlyList<KeyValuePair<string, string>> headers, string? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var message = await RequireTransport()
            .SendAsync(w => EslCommandWriter.WriteSendMsg(w, uniqueId, headers, body), EslReplyKind.CommandReply, cancellationToken)
            .ConfigureAwait(false);
        return new CommandReply(message);
    }

    /// <summary>
    /// Runs <paramref name="application"/> on channel <paramref name="uniqueId"/> (sendmsg execute with an
    /// <c>Event-UUID</c>) and completes on the CHANNEL_EXECUTE_COMPLETE whose <c>Application-UUID</c> matches it.
    /// Subscribes to CHANNEL_EXECUTE_COMPLETE and CHANNEL_HANGUP_COMPLETE first when needed.
    /// </summary>
    /// <exception cref="EventSocketCommandException">The switch refused the sendmsg (e.g. no such channel).</exception>
    /// <exception cref="ChannelHangupException">The channel ended before the application completed.</exception>
    /// <exception cref="EventSocketDisconnectedException">The connection went down first.</exception>
    public async Task<ChannelExecuteComplete> ExecuteAsync(string uniqueId, string application, string? argument = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uniqueId);
        ArgumentException.ThrowIfNullOrWhiteSpace(application);
        await EnsureSubscribedAsync(ExecuteEvents, cancellationToken).ConfigureAwait(false);
        var eventUuid = Guid.NewGuid().ToString();
        var completion = new TaskCompletionSource<ChannelExecuteComplete>(TaskCreationOptions.RunContinuationsAsynchronously);
        _executes[eventUuid] = new PendingExecute(uniqueId, completion);
        try
        {
            var reply = await RequireTransport()
                .SendAsync(w => EslCommandWriter.WriteExecute(w, uniqueId, application, argument, eventUuid), EslReplyKind.CommandReply, cancellationToken)
                .ConfigureAwait(false);
            if (!reply.IsOk)
            {
                throw new EventSocketCommandException($"execute {application} on {uniqueId}", reply.ReplyText ?? string.Empty);
            }

            return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _executes.TryRemove(eventUuid, out _);
        }
    }

    /// <summary>Hangs up channel <paramref name="uniqueId"/> (sendmsg <c>call-command: hangup</c>) with <paramref name="cause"/>.</summary>
    /// <exception cref="EventSocketCommandException">The switch refused (e.g. no such channel).</exception>
    public async Task HangupAsync(string uniqueId, HangupCause cause = HangupCause.NormalClearing, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uniqueId);
        var message = await RequireTransport()
            .SendAsync(w => EslCommandWriter.WriteHangup(w, uniqueId, cause.ToName()), EslReplyKind.CommandReply, cancellationToken)
            .ConfigureAwait(false);
        if (!message.IsOk)
        {
            throw new EventSocketCommandException($"hangup {uniqueId}", message.ReplyText ?? string.Empty);
        }
    }

    /// <summary>Runs an api command that must succeed (<c>+OK</c>); its error output becomes an <see cref="EventSocketCommandException"/>.</summary>
    internal async Task ApiOkAsync(string command, CancellationToken cancellationToken)
    {
        var response = await ApiAsync(command, cancellationToken).ConfigureAwait(false);
        if (response.IsError)
        {
            throw new EventSocketCommandException(command, response.Body.TrimEnd('\n'));
        }
    }

    /// <summary>Sends a bgapi and registers its waiter; returns once the switch accepted it.</summary>
    private protected async Task<(string JobUuid, Task<BackgroundJob> Completion)> StartBackgroundJobAsync(string command, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        await EnsureSubscribedAsync(JobEvents, cancellationToken).ConfigureAwait(false);
        var jobUuid = Guid.NewGuid().ToString();
        var completion = new TaskCompletionSource<BackgroundJob>(TaskCreationOptions.RunContinuationsAsynchronously);
        _jobs[jobUuid] = completion;
        try
        {
            var reply = await RequireTransport()
                .SendAsync(w => EslCommandWriter.WriteBgApi(w, command, null, jobUuid), EslReplyKind.CommandReply, cancellationToken)
                .ConfigureAwait(false);
            if (!reply.IsOk)
            {
                throw new EventSocketCommandException("bgapi " + command, reply.ReplyText ?? string.Empty);
            }
        }
        catch
        {
            _jobs.TryRemove(jobUuid, out _);
            throw;
        }

        return (jobUuid, completion.Task);
    }

    /// <summary>Sends a command on a specific transport (used while restoring state on a new connection).</summary>
    private protected static async Task<EslMessage> SendOnAsync(EslTransport transport, Action<IBufferWriter<byte>> write, CancellationToken cancellationToken) =>
        await transport.SendAsync(write, EslReplyKind.CommandReply, cancellationToken).ConfigureAwait(false);
}
