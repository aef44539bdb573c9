using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switch.EventSocket;

namespace Switch.Client;

/// <summary>
/// One call handed to the controller in outbound mode: the switch connected to us for channel <see cref="UniqueId"/>.
/// The session has already sent <c>connect</c> (its reply is <see cref="ChannelData"/>) and, by default,
/// <c>myevents</c> and <c>linger</c>. Commands without a uuid act on this channel; <see cref="Channel"/> offers
/// the call-flow API (answer, bridge, playback, …). <see cref="Completion"/> ends when the switch closes the socket.
/// </summary>
public sealed class OutboundSession : EventSocketConnection
{
    /// <summary>Events <c>myevents</c> subscribes to (ESL-PROTOCOL.md §3, filtered on this channel).</summary>
    private static readonly string[] MyEventNames =
    [
        "CHANNEL_ANSWER", "CHANNEL_APPLICATION", "CHANNEL_BRIDGE", "CHANNEL_CREATE", "CHANNEL_DATA", "CHANNEL_DESTROY",
        "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_ORIGINATE",
        "CHANNEL_UUID", "CHANNEL_OUTGOING", "CHANNEL_PARK", "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA", "CHANNEL_STATE",
        "CHANNEL_UNBRIDGE", "CHANNEL_UNPARK", "DETECTED_SPEECH", "DTMF", "NOTALK", "TALK",
    ];

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _lingering;

    private OutboundSession(OutboundListenerOptions options, ILogger logger)
        : base(options.EventFormat, options.EventQueueCapacity, logger)
    {
    }

    /// <summary>The <c>connect</c> reply: the channel's data (caller, destination, variables, …).</summary>
    public ChannelEvent ChannelData { get; private set; } = null!;

    /// <summary>The controlled channel's <c>Unique-ID</c>.</summary>
    public string UniqueId { get; private set; } = string.Empty;

    /// <summary>The controlled channel.</summary>
    public Channel Channel { get; private set; } = null!;

    /// <summary>Remote address of the switch.</summary>
    public string Peer { get; private set; } = string.Empty;

    /// <summary>True once the channel hung up and the switch is lingering (events still arrive until it closes or we exit).</summary>
    public bool IsLingering => _lingering;

    /// <summary>Completes when the switch has closed the connection.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Runs an application on this channel and completes on its CHANNEL_EXECUTE_COMPLETE.</summary>
    public Task<ChannelExecuteComplete> ExecuteAsync(string application, string? argument = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(UniqueId, application, argument, cancellationToken);

    /// <summary>Hangs up this channel.</summary>
    public Task HangupAsync(HangupCause cause = HangupCause.NormalClearing, CancellationToken cancellationToken = default) =>
        HangupAsync(UniqueId, cause, cancellationToken);

    /// <summary><c>myevents [format]</c>: receive this channel's events.</summary>
    public async Task MyEventsAsync(EslEventFormat format, CancellationToken cancellationToken = default)
    {
        var message = await RequireTransport().SendAsync(w => EslCommandWriter.WriteMyEvents(w, null, format), EslReplyKind.CommandReply, cancellationToken).ConfigureAwait(false);
        ThrowIfError("myevents", message);
        MarkSubscribed(format, MyEventNames);
    }

    /// <summary><c>linger [seconds]</c>: keep the socket open after the hangup so the last events arrive.</summary>
    public async Task LingerAsync(int? seconds = null, CancellationToken cancellationToken = default)
    {
        var message = await RequireTransport().SendAsync(w => EslCommandWriter.WriteLinger(w, seconds), EslReplyKind.CommandReply, cancellationToken).ConfigureAwait(false);
        ThrowIfError("linger", message);
    }

    /// <summary><c>nolinger</c>.</summary>
    public async Task NoLingerAsync(CancellationToken cancellationToken = default)
    {
        var message = await RequireTransport().SendAsync(EslCommandWriter.WriteNoLinger, EslReplyKind.CommandReply, cancellationToken).ConfigureAwait(false);
        ThrowIfError("nolinger", message);
    }

    /// <summary><c>resume</c>: when the socket closes, the channel continues its own processing instead of hanging up.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        var reply = await SendCommandAsync("resume", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!reply.IsOk)
        {
            throw new EventSocketCommandException("resume", reply.ReplyText);
        }
    }

    /// <summary><c>exit</c>: the switch says goodbye and closes the connection.</summary>
    public async Task ExitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await SendCommandAsync("exit", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (EventSocketDisconnectedException)
        {
            // Already closed: that is what we wanted.
        }
    }

    /// <summary>Wraps an accepted socket: sends <c>connect</c>, reads the channel data, then <c>myevents</c> and <c>linger</c> as configured.</summary>
    internal static async Task<OutboundSession> StartAsync(Socket socket, OutboundListenerOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var session = new OutboundSession(options, logger);
        var peer = socket.RemoteEndPoint?.ToString() ?? "switch";
        session.Peer = peer;
        var transport = EslTransport.Start(socket, session, EslFramingLimits.Client, logger, peer);
        session.Attach(transport);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            var reply = await transport.SendAsync(EslCommandWriter.WriteConnect, EslReplyKind.CommandReply, timeout.Token).ConfigureAwait(false);
            if (!reply.TryGetEvent(out var data) || data!.UniqueId is not { } uniqueId)
            {
                throw new EventSocketException($"The connect reply from {peer} carries no channel data ({reply.ReplyText}).");
            }

            session.ChannelData = EventMessage.Create(data) as ChannelEvent ?? new ChannelEvent(data);
            session.UniqueId = uniqueId;
            session.Channel = session.GetChannel(session.ChannelData);
            if (options.MyEvents)
            {
                await session.MyEventsAsync(options.EventFormat, timeout.Token).ConfigureAwait(false);
            }

            if (options.Linger)
            {
                await session.LingerAsync(options.LingerSeconds, timeout.Token).ConfigureAwait(false);
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected override void OnTransportClosed(EslTransport transport, Exception? reason) => _completion.TrySetResult();

    private protected override void OnNotice(EslTransport transport, EslMessage message)
    {
        if (message.ContentType == EslConstants.ContentTypeDisconnectNotice
            && string.Equals(message.GetHeader(EslHeaderNames.ContentDisposition), "linger", StringComparison.OrdinalIgnoreCase))
        {
            _lingering = true;
        }
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        _completion.TrySetResult();
    }

    private static void ThrowIfError(string command, EslMessage reply)
    {
        if (!reply.IsOk)
        {
            throw new EventSocketCommandException(command, reply.ReplyText ?? string.Empty);
        }
    }
}
