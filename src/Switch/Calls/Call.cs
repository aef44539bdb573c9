using Microsoft.Extensions.Logging;
using Switch.Events;
using Switch.Sip.Transport;

namespace Switch.Calls;

/// <summary>
/// One call: an actor that owns its legs. Every change to those legs (commands, SIP reports, timers) is a
/// work item on the call's mailbox, processed one at a time in arrival order, so call state needs no locks
/// and calls run in parallel with each other. A work item addressed to a leg the call no longer owns (it
/// moved to another call through a bridge) is forwarded to the new owner. The mailbox is a linked list of
/// work items drained on the thread pool while it has work: an idle call holds no task, buffer or timer.
/// </summary>
internal sealed partial class Call : IThreadPoolWorkItem
{
    private CallLegs _legs;
    private readonly CallEngine _engine;
    private Work? _head;
    private Work? _tail;
    private bool _draining;
    private bool _closed;

    public Call(CallEngine engine) => _engine = engine;

    /// <summary>The legs this call owns now. Read only on the mailbox.</summary>
    internal CallLegs Legs => _legs;

    /// <summary>Guards the mailbox (the call itself: no lock object per call).</summary>
    private object Gate => this;

    private EventBus Events => _engine.Events;

    private TimeProvider Time => _engine.Time;

    private long Now => EventBus.ToMicroseconds(Time.GetUtcNow());

    /// <summary>Queues work for the call as a whole; false when the call has ended.</summary>
    public bool Post(Func<Call, ValueTask> action) => Post(new Work(null, (call, _) => action(call), null));

    /// <summary>Queues work for one leg; it follows the leg if the leg moves; false when the call has ended.</summary>
    public bool Post(string uuid, Func<Call, Channel, ValueTask> action, Action? ifGone = null) =>
        Post(new Work(uuid, (call, leg) => action(call, leg!), ifGone is null ? null : _ => ifGone()));

    /// <summary>Runs <paramref name="action"/> on the leg's mailbox and returns its result, or <paramref name="ifGone"/>.</summary>
    public Task<T> InvokeAsync<T>(string uuid, Func<Call, Channel, ValueTask<T>> action, T ifGone) =>
        Invoke(uuid, (call, leg) => action(call, leg!), ifGone);

    /// <summary>Runs <paramref name="action"/> on the call's mailbox; <paramref name="ifGone"/> when the call has ended.</summary>
    public Task<T> InvokeAsync<T>(Func<Call, ValueTask<T>> action, T ifGone) => Invoke(null, (call, _) => action(call), ifGone);

    /// <summary>Queues work (for a leg, or the call when <paramref name="uuid"/> is null) and completes with its result.</summary>
    private Task<T> Invoke<T>(string? uuid, Func<Call, Channel?, ValueTask<T>> action, T ifGone)
    {
        var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = new Work(uuid,
            async (call, leg) =>
            {
                var result = await action(call, leg).ConfigureAwait(false);
                call.PublishSnapshots();
                tcs.TrySetResult(result);
            },
            failure =>
            {
                if (failure is null)
                {
                    tcs.TrySetResult(ifGone);
                }
                else
                {
                    tcs.TrySetException(failure);
                }
            });
        if (!Post(work))
        {
            tcs.TrySetResult(ifGone);
        }
        return tcs.Task;
    }


    /// <summary>Queues work; false once the call has closed (its last leg gone). Starts draining an idle mailbox.</summary>
    private bool Post(Work work)
    {
        lock (Gate)
        {
            if (_closed)
            {
                return false;
            }
            if (_tail is null)
            {
                _head = work;
            }
            else
            {
                _tail.Next = work;
            }
            _tail = work;
            if (_draining)
            {
                return true;
            }
            _draining = true;
        }
        // On a SIP receive thread the call runs there once the datagram is handled (until its first real wait).
        if (!SipReceiveThread.TryDefer(this))
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        return true;
    }

    /// <summary>The next work item, or null (and the mailbox idle) when there is none.</summary>
    private Work? Take()
    {
        lock (Gate)
        {
            var work = _head;
            if (work is null)
            {
                _draining = false;
                return null;
            }
            _head = work.Next;
            if (_head is null)
            {
                _tail = null;
            }
            work.Next = null;
            return work;
        }
    }

    /// <summary>No more work is taken: later posts return false (work already queued still runs and is forwarded or abandoned).</summary>
    private void Close()
    {
        lock (Gate)
        {
            _closed = true;
        }
    }

    internal Channel? FindLeg(string uuid)
    {
        foreach (var leg in _legs)
        {
            if (string.Equals(leg.Uuid, uuid, StringComparison.OrdinalIgnoreCase))
            {
                return leg;
            }
        }
        return null;
    }

    /// <summary>Takes a new leg into this call and the registry. False when the uuid is already in use.</summary>
    internal bool AddLeg(Channel leg)
    {
        if (!_engine.Registry.TryAdd(leg))
        {
            return false;
        }
        leg.Call = this;
        _legs.Add(leg);
        return true;
    }

    void IThreadPoolWorkItem.Execute() => _ = DrainAsync();

    private async Task DrainAsync()
    {
        while (Take() is { } work)
        {
            await ProcessAsync(work).ConfigureAwait(false);
        }
    }

    private async ValueTask ProcessAsync(Work work)
    {
        Channel? leg = null;
        if (work.Uuid is not null)
        {
            leg = FindLeg(work.Uuid);
            if (leg is null)
            {
                Forward(work);
                return;
            }
        }
        try
        {
            await work.Run(this, leg).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            CallLog.WorkFailed(_engine.Logger, ex, work.Uuid ?? (_legs.Count > 0 ? _legs[0].Uuid : "(no legs)"));
            work.Abandon?.Invoke(ex);
        }
        PublishSnapshots();
        if (_legs.Count == 0 && !_closed)
        {
            Close();
        }
    }

    private void PublishSnapshots()
    {
        foreach (var leg in _legs)
        {
            leg.PublishSnapshot();
        }
    }

    /// <summary>Sends work for a leg this call does not own to the call that does, or gives up on it.</summary>
    private void Forward(Work work)
    {
        var owner = _engine.Registry.Find(work.Uuid)?.Call;
        if (owner is not null && !ReferenceEquals(owner, this) && owner.Post(work))
        {
            return;
        }
        work.Abandon?.Invoke(null);
    }

    /// <summary>A timer whose expiry runs <paramref name="onFire"/> on the mailbox of whichever call then owns the leg.</summary>
    internal ITimer StartLegTimer(TimeSpan due, string uuid, Func<Call, Channel, ITimer, ValueTask> onFire)
    {
        var box = new TimerBox();
        box.Timer = Time.CreateTimer(static state =>
        {
            var (engine, uuid, box, onFire) = ((CallEngine, string, TimerBox, Func<Call, Channel, ITimer, ValueTask>))state!;
            engine.PostToLeg(uuid, (call, leg) => onFire(call, leg, box.Timer!));
        }, (_engine, uuid, box, onFire), due, Timeout.InfiniteTimeSpan);
        return box.Timer;
    }

    private void Publish(SwitchEventBuilder builder) => Events.Publish(builder);

    private sealed class TimerBox
    {
        public ITimer? Timer;
    }

    private sealed class Work(string? uuid, Func<Call, Channel?, ValueTask> run, Action<Exception?>? abandon)
    {
        public string? Uuid { get; } = uuid;
        public Func<Call, Channel?, ValueTask> Run { get; } = run;
        public Action<Exception?>? Abandon { get; } = abandon;

        /// <summary>The next item in the mailbox (the mailbox is a linked list of its work items).</summary>
        public Work? Next { get; set; }
    }
}
