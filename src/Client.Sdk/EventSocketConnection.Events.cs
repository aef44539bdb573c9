using System.Threading.Channels;
using Switch.EventSocket;

namespace Switch.Client;

public abstract partial class EventSocketConnection
{
    private readonly EventFanout<EventMessage> _fanout;
    private readonly EventObservable<EventMessage> _observable = new();
    private readonly Channel<EventMessage> _dispatch = System.Threading.Channels.Channel.CreateUnbounded<EventMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _dispatchLoop;
    private long _lastSequence = -1;
    private long _highestSequence = -1;
    private string? _sequenceCoreUuid;
    private volatile bool _dropReplayed;

    /// <summary>
    /// Raised for every event, in order, on a dispatcher task (not the socket's reader loop, so a slow handler delays
    /// only other handlers). An exception thrown by a handler is logged and ignored.
    /// </summary>
    public event EventHandler<EventMessage>? EventReceived;

    /// <summary>Every event as a hot observable (same dispatcher and order as <see cref="EventReceived"/>); completes on dispose.</summary>
    public IObservable<EventMessage> Events => _observable;

    /// <summary><c>Event-Sequence</c> of the last event received (used to resume after a reconnect), or null.</summary>
    public long? LastEventSequence => Interlocked.Read(ref _lastSequence) is var s and >= 0 ? s : null;

    /// <summary>
    /// The events received from the moment enumeration starts, across reconnects, until the connection is disposed
    /// or <paramref name="cancellationToken"/> fires. Each enumeration has its own queue of
    /// <see cref="EventQueueCapacity"/> events; a reader that falls that far behind ends with an
    /// <see cref="EventSocketException"/> rather than stall the connection. Subscribe first (<see cref="SubscribeAsync(EslEventFormat, IEnumerable{string}, CancellationToken)"/>).
    /// </summary>
    public IAsyncEnumerable<EventMessage> ReadEventsAsync(CancellationToken cancellationToken = default) =>
        _fanout.ReadAllAsync(cancellationToken);

    /// <summary>Starts dropping replayed events (same Core-UUID, sequence not above the highest delivered).</summary>
    private protected void BeginDroppingReplayed() => _dropReplayed = true;

    /// <summary>Stops dropping replayed events (the server does not resume).</summary>
    private protected void StopDroppingReplayed() => _dropReplayed = false;

    private void HandleEvent(EslEvent raw)
    {
        if (raw.Sequence is { } sequence)
        {
            var core = raw.GetHeader(EslHeaderNames.CoreUuid);
            if (!string.Equals(core, _sequenceCoreUuid, StringComparison.OrdinalIgnoreCase))
            {
                _sequenceCoreUuid = core;
                _highestSequence = -1;
            }
            else if (_dropReplayed && sequence <= _highestSequence)
            {
                return;
            }

            if (sequence > _highestSequence)
            {
                _highestSequence = sequence;
            }

            Interlocked.Exchange(ref _lastSequence, sequence);
        }

        var message = EventMessage.Create(raw);
        Correlate(message);
        _fanout.Publish(message);
        if (EventReceived is not null || _observable.HasObservers)
        {
            _dispatch.Writer.TryWrite(message);
        }
    }

    private void Correlate(EventMessage message)
    {
        switch (message)
        {
            case BackgroundJob job when job.JobUuid is { } jobUuid:
                if (_jobs.TryRemove(jobUuid, out var pendingJob))
                {
                    pendingJob.TrySetResult(job);
                }

                break;
            case ChannelExecuteComplete complete when complete.ApplicationUuid is { } appUuid:
                if (_executes.TryRemove(appUuid, out var pendingExecute))
                {
                    pendingExecute.Completion.TrySetResult(complete);
                }

                break;
        }

        if (message is not ChannelEvent channelEvent || channelEvent.UniqueId is not { } uniqueId)
        {
            return;
        }

        if (_channels.TryGetValue(uniqueId, out var channel))
        {
            channel.OnEvent(channelEvent);
        }

        if (channelEvent is ChannelBridge or ChannelUnbridge)
        {
            var other = channelEvent["Bridge-B-Unique-ID"];
            if (other is not null && !string.Equals(other, uniqueId, StringComparison.OrdinalIgnoreCase) && _channels.TryGetValue(other, out var peer))
            {
                peer.OnEvent(channelEvent);
            }
        }

        if (channelEvent is ChannelHangupComplete || channelEvent.Name == EventNames.ChannelDestroy)
        {
            FailExecutesOf(channelEvent);
            _channels.TryRemove(uniqueId, out _);
        }
    }

    private void FailExecutesOf(ChannelEvent ended)
    {
        var causeName = ended["Hangup-Cause"] ?? ended.GetVariable("hangup_cause") ?? HangupCause.NormalClearing.ToName();
        foreach (var pair in _executes)
        {
            if (string.Equals(pair.Value.UniqueId, ended.UniqueId, StringComparison.OrdinalIgnoreCase) && _executes.TryRemove(pair.Key, out var pending))
            {
                pending.Completion.TrySetException(new ChannelHangupException(ended.UniqueId!, HangupCauses.Parse(causeName, HangupCause.None), causeName));
            }
        }
    }

    private async Task DispatchLoopAsync()
    {
        while (await _dispatch.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_dispatch.Reader.TryRead(out var message))
            {
                try
                {
                    EventReceived?.Invoke(this, message);
                }
                catch (Exception ex)
                {
                    EventSocketClientLog.HandlerFailed(Logger, ex);
                }

                _observable.Next(message, ex => EventSocketClientLog.HandlerFailed(Logger, ex));
            }
        }
    }
}
