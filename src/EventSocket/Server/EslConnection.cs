using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Switch.EventSocket;

/// <summary>
/// One event-socket connection (inbound client or outbound controller): a reader loop that frames and runs
/// commands one at a time and a writer loop that drains one queue of replies, events and log lines. Events are
/// offered from publisher threads and only ever enqueued (bounded by <see cref="EslServerOptions.MaxQueuedEvents"/>);
/// a client that stops reading loses events and, past <see cref="EslServerOptions.MaxLostEvents"/> consecutive
/// losses, is disconnected. Replies are never dropped; at most <see cref="ReplyCredits"/> may be pending, which
/// stops reading from a client that floods commands without reading replies.
/// </summary>
internal sealed partial class EslConnection
{
    private const int ReplyCredits = 64;
    private const int NoLinger = int.MinValue;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(5);

    private readonly EslServerContext _ctx;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;
    private readonly Channel<EslOutItem> _queue;
    private readonly CancellationTokenSource _closing;
    private readonly CancellationTokenSource _writeAbort;
    private readonly SemaphoreSlim _replyCredits = new(ReplyCredits, ReplyCredits);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly bool _outbound;
    private volatile EslSubscription _subscription = EslSubscription.Empty;
    private volatile bool _authenticated;
    private volatile bool _connected;
    private volatile string? _boundUuid;
    private volatile int _epoch;
    private volatile int _logLevel = -1;
    private volatile int _lingerSeconds = NoLinger;
    private volatile byte[]? _abortFrame;
    private volatile bool _closed;
    private int _queued;
    private int _consecutiveLost;
    private long _lost;
    private ITimer? _authTimer;
    private ITimer? _lingerTimer;

    public EslConnection(EslServerContext ctx, Socket socket, bool outbound, string? boundUuid)
    {
        _ctx = ctx;
        _socket = socket;
        _outbound = outbound;
        _boundUuid = boundUuid;
        _authenticated = outbound;
        Id = ctx.NextConnectionId();
        Remote = SafeRemote(socket);
        socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        _queue = Channel.CreateUnbounded<EslOutItem>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        _closing = CancellationTokenSource.CreateLinkedTokenSource(ctx.Stopping);
        _writeAbort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, ctx.Time);
    }

    public long Id { get; }

    public EndPoint? Remote { get; }

    /// <summary>The channel this connection is bound to (outbound, or inbound after <c>myevents &lt;uuid&gt;</c>).</summary>
    public string? BoundUuid => _boundUuid;

    /// <summary>True once a session-bound client sent <c>resume</c> (the host should continue the channel's dialplan).</summary>
    public bool ResumeRequested { get; private set; }

    /// <summary>Total events and log lines lost because the queue was full.</summary>
    public long LostEvents => Interlocked.Read(ref _lost);

    /// <summary>Completes when an outbound controller sent <c>connect</c> (or the connection ended).</summary>
    public TaskCompletionSource Connected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Runs the connection until it closes. Inbound connections get the greeting first.</summary>
    public async Task RunAsync()
    {
        _ctx.Hub.Add(this);
        _ctx.Metrics.ActiveConnections.Add(1);
        EslServerLog.Opened(_ctx.Logger, Id, Remote);
        try
        {
            if (!_outbound)
            {
                _replyCredits.Wait(0);
                EnqueueReplyItem(Render(EslFrameWriter.WriteAuthRequest));
            }

            _authTimer = _ctx.Time.CreateTimer(static s => ((EslConnection)s!).OnAuthTimeout(), this, _ctx.Options.AuthTimeout, Timeout.InfiniteTimeSpan);
            var writer = Task.Run(WriterLoopAsync);
            await ReaderLoopAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
        }
        finally
        {
            _closed = true;
            _ctx.Hub.Remove(this);
            _authTimer?.Dispose();
            _lingerTimer?.Dispose();
            Connected.TrySetResult();
            await CloseSocketAsync().ConfigureAwait(false);
            _ctx.Metrics.ActiveConnections.Add(-1);
            EslServerLog.Closed(_ctx.Logger, Id);
            _closing.Dispose();
            _writeAbort.Dispose();
        }
    }

    /// <summary>Called on server stop: sends <paramref name="notice"/> as soon as the current frame is out, then closes.</summary>
    public void Abort(byte[] notice)
    {
        if (_abortFrame is not null)
        {
            return;
        }

        _abortFrame = notice;
        _queue.Writer.TryWrite(new EslOutItem(EslOutKind.Wake, null, 0));

        // Often called on a publisher thread inside the hub lock: never run cancellation callbacks there.
        ThreadPool.UnsafeQueueUserWorkItem(
            static c =>
            {
                TryCancel(c._closing);
                TryCancelAfter(c._writeAbort, AbortGrace);
            },
            this,
            preferLocal: false);
    }

    /// <summary>True when this connection is subscribed to events of that name for every channel (not myevents-bound).</summary>
    private void SetSubscription(EslSubscription subscription)
    {
        _subscription = subscription;
        _ctx.Hub.Interest.Note(subscription);
    }

    public bool ListensFor(string eventName)
    {
        var subscription = _subscription;
        return subscription.Listening && subscription.MyEventsUuid is null
            && subscription.HasType(EslEventNames.IndexOf(eventName));
    }

    /// <summary>
    /// Offers an event from a publisher thread (inside the hub lock): subscription check and a non-blocking bounded
    /// enqueue of the shared delivery for this connection's format.
    /// </summary>
    public void OfferEvent(ref EslFanOut fanOut)
    {
        if (_closed || _abortFrame is not null)
        {
            return;
        }

        var evt = fanOut.Event;
        var subscription = _subscription;
        if (subscription.Wants(evt))
        {
            var delivery = fanOut.AddDelivery(subscription.Format);
            if (!EnqueueBounded(new EslOutItem(EslOutKind.Event, delivery, _epoch)))
            {
                delivery.Release();
            }
        }

        if (_boundUuid is { } uuid && IsSessionEnd(evt, uuid))
        {
            _queue.Writer.TryWrite(new EslOutItem(EslOutKind.SessionEnded, evt.GetHeader(EslHeaderNames.ChannelName), 0));
        }
    }

    /// <summary>Offers a log line from a logging thread.</summary>
    public void OfferLog(EslLogLine line)
    {
        if (!_closed && line.Level <= _logLevel)
        {
            EnqueueBounded(new EslOutItem(EslOutKind.Log, line, 0));
        }
    }

    private static bool IsSessionEnd(EslEvent evt, string uuid) =>
        string.Equals(evt.EventName, "CHANNEL_HANGUP_COMPLETE", StringComparison.Ordinal)
        && string.Equals(evt.UniqueId, uuid, StringComparison.Ordinal);

    /// <summary>Queues an event or log line unless the queue is full (then counts it lost); false when not queued.</summary>
    private bool EnqueueBounded(EslOutItem item)
    {
        if (Interlocked.Increment(ref _queued) > _ctx.Options.MaxQueuedEvents || !_queue.Writer.TryWrite(item))
        {
            Interlocked.Decrement(ref _queued);
            OnLost();
            return false;
        }

        if (Volatile.Read(ref _consecutiveLost) != 0)
        {
            Volatile.Write(ref _consecutiveLost, 0);
        }

        return true;
    }

    private void OnLost()
    {
        if (_closed)
        {
            return;
        }

        var total = Interlocked.Increment(ref _lost);
        _ctx.Metrics.EventsLost.Add(1);
        if (total == 1 || total % 10_000 == 0)
        {
            EslServerLog.EventsLost(_ctx.Logger, Id, total);
        }

        if (Interlocked.Increment(ref _consecutiveLost) > _ctx.Options.MaxLostEvents && _abortFrame is null)
        {
            EslServerLog.SlowConsumerKilled(_ctx.Logger, Id, total, _ctx.Options.MaxQueuedEvents);
            _ctx.Metrics.SlowConsumersKilled.Add(1);
            Abort(Render(w => WriteNotice(w, EslConstants.LostEventsNoticeBody)));
        }
    }

    private void OnAuthTimeout()
    {
        if ((_outbound ? _connected : _authenticated) || _closed)
        {
            return;
        }

        Abort(Render(w => WriteNotice(w, EslConstants.DisconnectNoticeBody)));
    }

    /// <summary>Variant 1 or, when bound to a channel, variant 2 of the disconnect notice.</summary>
    private void WriteNotice(System.Buffers.IBufferWriter<byte> writer, string body)
    {
        if (_boundUuid is { } uuid)
        {
            EslFrameWriter.WriteSessionDisconnectNotice(writer, uuid, body);
        }
        else
        {
            EslFrameWriter.WriteDisconnectNotice(writer, body);
        }
    }

    private static byte[] Render(Action<System.Buffers.IBufferWriter<byte>> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Queues a reply whose credit is already taken; gives the credit back when the queue is closed.</summary>
    private void EnqueueReplyItem(byte[] frame)
    {
        if (!_queue.Writer.TryWrite(new EslOutItem(EslOutKind.Reply, frame, 0)))
        {
            _replyCredits.Release();
        }
    }

    /// <summary>
    /// Sends a reply frame: straight from the reader when nothing is queued or being written (see
    /// <see cref="TrySendReplyNowAsync"/>), else queued behind what is, waiting while <see cref="ReplyCredits"/>
    /// replies are still unwritten.
    /// </summary>
    private async ValueTask EnqueueReplyAsync(byte[] frame)
    {
        if (await TrySendReplyNowAsync(frame).ConfigureAwait(false))
        {
            return;
        }

        await _replyCredits.WaitAsync(_closing.Token).ConfigureAwait(false);
        EnqueueReplyItem(frame);
    }

    /// <summary>
    /// With the queue empty and the writer idle (it holds <see cref="_sendLock"/> from taking a batch until that batch
    /// is sent), the reply goes out at once from the reader: it overtakes nothing, and an api round trip no longer
    /// waits for the writer to be scheduled. False when it has to be queued.
    /// </summary>
    private async ValueTask<bool> TrySendReplyNowAsync(byte[] frame)
    {
        if (_queue.Reader.TryPeek(out _) || !_sendLock.Wait(0))
        {
            return false;
        }

        try
        {
            if (_closed || _abortFrame is not null || _queue.Reader.TryPeek(out _))
            {
                return false;
            }

            await _socket.SendAsync(frame, SocketFlags.None, _writeAbort.Token).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private ValueTask ReplyAsync(string replyText) => EnqueueReplyAsync(Render(w => EslFrameWriter.WriteCommandReply(w, replyText)));

    /// <summary>Queues the final frame; the writer closes the connection after writing it.</summary>
    private void EnqueueClose(byte[] frame) => _queue.Writer.TryWrite(new EslOutItem(EslOutKind.Close, frame, 0));

    private async Task CloseSocketAsync()
    {
        try
        {
            await _input.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer is gone; nothing left to flush.
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer.
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
    }

    private static EndPoint? SafeRemote(Socket socket)
    {
        try
        {
            return socket.RemoteEndPoint;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return null;
        }
    }

    private static void TryCancel(CancellationTokenSource cts)
    {
        try
        {
            cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Connection already finished.
        }
    }

    private static void TryCancelAfter(CancellationTokenSource cts, TimeSpan delay)
    {
        try
        {
            cts.CancelAfter(delay);
        }
        catch (ObjectDisposedException)
        {
            // Connection already finished.
        }
    }
}
