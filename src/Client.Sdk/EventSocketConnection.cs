using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switch.EventSocket;

namespace Switch.Client;

/// <summary>
/// What an inbound client (<see cref="EventSocketClient"/>) and an outbound per-call session
/// (<see cref="OutboundSession"/>) share: the command API (api, bgapi, sendmsg, execute, hangup, originate),
/// subscriptions, the event stream (as <see cref="IAsyncEnumerable{T}"/>, a .NET event and an
/// <see cref="IObservable{T}"/>) and the <see cref="Channel"/> objects built on them.
/// Replies are matched strictly by order per content type; every method is safe to call concurrently.
/// </summary>
public abstract partial class EventSocketConnection : IAsyncDisposable, IEslTransportSink
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<BackgroundJob>> _jobs = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, PendingExecute> _executes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Channel> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _disposing = new();
    private EslTransport? _transport;
    private int _disposed;

    private protected EventSocketConnection(EslEventFormat eventFormat, int eventQueueCapacity, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eventQueueCapacity, 1);
        Logger = logger;
        EventQueueCapacity = eventQueueCapacity;
        _format = eventFormat;
        _fanout = new EventFanout<EventMessage>(eventQueueCapacity, logger);
        _dispatchLoop = Task.Run(DispatchLoopAsync);
    }

    /// <summary>True while a connection to the switch is up.</summary>
    public bool IsConnected => Volatile.Read(ref _transport) is { IsClosed: false };

    /// <summary>Bound of each event reader's queue (see <see cref="ReadEventsAsync"/>).</summary>
    public int EventQueueCapacity { get; }

    private protected ILogger Logger { get; }

    /// <summary>Cancelled when the connection is disposed.</summary>
    private protected CancellationToken DisposingToken => _disposing.Token;

    private protected bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Closes the connection. Commands in flight fail with <see cref="EventSocketDisconnectedException"/>; event enumerations end.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        var transport = Interlocked.Exchange(ref _transport, null);
        if (transport is not null)
        {
            await transport.DisposeAsync().ConfigureAwait(false);
        }

        FailInFlight(new EventSocketDisconnectedException("The event socket connection was disposed."));
        _fanout.Complete();
        _dispatch.Writer.TryComplete();
        await _dispatchLoop.ConfigureAwait(false);
        _observable.Complete();
        GC.SuppressFinalize(this);
    }

    /// <summary>The live transport, or <see cref="EventSocketDisconnectedException"/>.</summary>
    private protected EslTransport RequireTransport() =>
        Volatile.Read(ref _transport) is { IsClosed: false } transport
            ? transport
            : throw new EventSocketDisconnectedException("The event socket is not connected.");

    /// <summary>Makes <paramref name="transport"/> the live connection and watches for its end.</summary>
    private protected void Attach(EslTransport transport)
    {
        Volatile.Write(ref _transport, transport);
        _ = WatchAsync(transport);
    }

    /// <summary>Called once the attached transport has ended and in-flight work has failed.</summary>
    private protected virtual void OnTransportClosed(EslTransport transport, Exception? reason)
    {
    }

    /// <summary>Called for notices (disconnect, linger, log data) on any transport of this connection.</summary>
    private protected virtual void OnNotice(EslTransport transport, EslMessage message)
    {
    }

    void IEslTransportSink.OnMessage(EslTransport source, EslMessage message)
    {
        if (message.ContentType == EslConstants.ContentTypeDisconnectNotice)
        {
            EventSocketClientLog.DisconnectNotice(Logger, source.Peer, message.GetHeader(EslHeaderNames.ContentDisposition) ?? "disconnect");
        }

        try
        {
            OnNotice(source, message);
        }
        catch (Exception ex)
        {
            EventSocketClientLog.HandlerFailed(Logger, ex);
        }
    }

    void IEslTransportSink.OnEvent(EslTransport source, EslEvent evt)
    {
        try
        {
            HandleEvent(evt);
        }
        catch (Exception ex)
        {
            EventSocketClientLog.HandlerFailed(Logger, ex);
        }
    }

    private async Task WatchAsync(EslTransport transport)
    {
        var reason = await transport.Completion.ConfigureAwait(false);
        if (Interlocked.CompareExchange(ref _transport, null, transport) != transport)
        {
            return;
        }

        FailInFlight(new EventSocketDisconnectedException(
            $"The event socket connection to {transport.Peer} was lost{(reason is null ? "." : ": " + reason.Message)}", reason));
        if (!IsDisposed)
        {
            OnTransportClosed(transport, reason);
        }
    }

    /// <summary>Fails every bgapi job and execute still waiting for its event.</summary>
    private void FailInFlight(Exception error)
    {
        foreach (var key in _jobs.Keys)
        {
            if (_jobs.TryRemove(key, out var job))
            {
                job.TrySetException(error);
                _ = job.Task.Exception;
            }
        }

        foreach (var key in _executes.Keys)
        {
            if (_executes.TryRemove(key, out var execute))
            {
                execute.Completion.TrySetException(error);
                _ = execute.Completion.Task.Exception;
            }
        }
    }

    private sealed record PendingExecute(string? UniqueId, TaskCompletionSource<ChannelExecuteComplete> Completion);
}
