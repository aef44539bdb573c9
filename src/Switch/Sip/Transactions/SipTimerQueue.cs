namespace Switch.Sip.Transactions;

/// <summary>
/// Every transaction timer of a layer (RFC 3261 §17: A–M and the 2xx retransmission) on one
/// <see cref="ITimer"/> armed for the earliest deadline, instead of a platform timer per transaction timer. A
/// call creates and cancels a dozen such timers and most never fire; here starting one is a heap insert and
/// stopping one a flag, and the due ones fire in deadline order from one callback. Deadlines are on the
/// layer's <see cref="TimeProvider"/> timestamps, so a manual clock in tests still fires each one exactly on
/// time. Stopped entries leave the heap lazily (when they come due, or all at once when none is live).
/// Deadlines are rounded up to a 10 ms grid (<see cref="Granularity"/>), as Kamailio's tm fires its timers on
/// ticks: under load thousands of timers a second come due (Timers K, D, I, L, M always fire), and on the grid
/// those due in the same 10 ms fire from one wake-up instead of one each. A timer fires at most 10 ms late,
/// never early.
/// On the system clock the queue has a thread of its own (<c>sip-timers</c>) that sleeps until the next slot and
/// fires the due timers itself, as Kamailio's timer process does: one wake-up per slot. A platform timer would
/// take three (the timer thread re-armed from the callback, the timer thread at the deadline, a pool thread for
/// the callback), and it counts whole coarse milliseconds, so it often woke just before the slot, found
/// nothing due and armed again. Any other <see cref="TimeProvider"/> (a manual clock in tests) drives the queue
/// through its <see cref="ITimer"/> as before.
/// </summary>
internal sealed class SipTimerQueue : IDisposable
{
    private readonly TimeProvider _time;
    /// <summary>The grid deadlines are rounded up to.</summary>
    public static readonly TimeSpan Granularity = TimeSpan.FromMilliseconds(10);

    private readonly double _ticksPerTimeSpanTick;
    private readonly long _granule;
    private readonly Lock _lock = new();
    private readonly PriorityQueue<SipTimer, long> _queue = new();
    private readonly Action<Exception>? _onFailure;

    /// <summary>The platform timer (any clock but the system's), or null with <see cref="_thread"/>.</summary>
    private readonly ITimer? _timer;

    /// <summary>The queue's own thread (system clock), or null with <see cref="_timer"/>.</summary>
    private readonly Thread? _thread;

    /// <summary>The thread's wake-up call: <see cref="_signalled"/> under its monitor.</summary>
    private readonly object _signal = new();
    private bool _signalled;

    /// <summary>When the thread will next wake by itself (long.MaxValue: only when signalled); under <see cref="_lock"/>.</summary>
    private long _waitingUntil = long.MaxValue;

    private long _armedFor = long.MaxValue;
    private int _live;
    private bool _disposed;

    /// <param name="time">The clock; <see cref="TimeProvider.System"/> gets a thread of its own.</param>
    /// <param name="onFailure">Told when a timer callback throws (the other due timers still fire).</param>
    public SipTimerQueue(TimeProvider time, Action<Exception>? onFailure = null)
    {
        _time = time;
        _onFailure = onFailure;
        _ticksPerTimeSpanTick = time.TimestampFrequency / (double)TimeSpan.TicksPerSecond;
        _granule = Math.Max(1, (long)(Granularity.Ticks * _ticksPerTimeSpanTick));
        if (ReferenceEquals(time, TimeProvider.System))
        {
            _thread = new Thread(static s => ((SipTimerQueue)s!).Run()) { IsBackground = true, Name = "sip-timers" };
            _thread.Start(this);
        }
        else
        {
            _timer = time.CreateTimer(static s => ((SipTimerQueue)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The queue's own thread (system clock), or null (a manual clock). Test seam: it ends after <see cref="Dispose"/>.</summary>
    internal Thread? OwnThread => _thread;

    /// <summary>Timers started and neither fired nor stopped.</summary>
    public int Live
    {
        get
        {
            lock (_lock)
            {
                return _live;
            }
        }
    }

    /// <summary>Runs <paramref name="callback"/> for <paramref name="transaction"/> after <paramref name="due"/>, under its lock.</summary>
    public SipTimer Start(TimeSpan due, SipTransaction transaction, Action<SipTransaction> callback)
    {
        var at = _time.GetTimestamp() + (long)(due.Ticks * _ticksPerTimeSpanTick);
        var offGrid = at % _granule;
        if (offGrid != 0)
        {
            at += _granule - offGrid;
        }
        var entry = new SipTimer(this, transaction, callback);
        lock (_lock)
        {
            if (_disposed)
            {
                entry.TryCancel();
                return entry;
            }
            _queue.Enqueue(entry, at);
            _live++;
            if (at < _armedFor)
            {
                Arm(at);
            }
        }
        return entry;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _queue.Clear();
            _live = 0;
        }
        _timer?.Dispose();
        Wake();
    }

    internal void Cancel(SipTimer entry)
    {
        lock (_lock)
        {
            if (!entry.TryCancel())
            {
                return;
            }
            if (--_live == 0)
            {
                _queue.Clear();
                _armedFor = long.MaxValue;
                // The thread finds nothing when it next wakes and then sleeps until signalled.
                _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Fires the queue at <paramref name="at"/> (under the lock).</summary>
    private void Arm(long at)
    {
        _armedFor = at;
        if (_timer is not null)
        {
            var now = _time.GetTimestamp();
            _timer.Change(at <= now ? TimeSpan.Zero : _time.GetElapsedTime(now, at), Timeout.InfiniteTimeSpan);
        }
        else if (at < _waitingUntil && Thread.CurrentThread != _thread)
        {
            // The thread sleeps past this deadline: wake it to sleep less. (On the thread itself, Run reads _armedFor next.)
            Wake();
        }
    }

    private void Wake()
    {
        if (_thread is null)
        {
            return;
        }
        lock (_signal)
        {
            _signalled = true;
            Monitor.Pulse(_signal);
        }
    }

    /// <summary>The queue's thread: sleeps until the armed slot (or a signal), then fires what is due.</summary>
    private void Run()
    {
        while (true)
        {
            long until;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }
                until = _armedFor;
                _waitingUntil = until;
            }
            var now = _time.GetTimestamp();
            if (until <= now)
            {
                OnTimer();
                continue;
            }
            var wait = until == long.MaxValue
                ? Timeout.Infinite
                : (int)Math.Min(int.MaxValue - 1, Math.Ceiling(_time.GetElapsedTime(now, until).TotalMilliseconds));
            lock (_signal)
            {
                if (!_signalled)
                {
                    Monitor.Wait(_signal, wait);
                }
                _signalled = false;
            }
        }
    }

    private void OnTimer()
    {
        List<SipTimer>? due = null;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            _armedFor = long.MaxValue;
            while (_queue.TryPeek(out var entry, out var at) && (at <= now || !entry.IsPending))
            {
                _queue.Dequeue();
                if (entry.IsPending)
                {
                    entry.MarkDue();
                    _live--;
                    (due ??= []).Add(entry);
                }
            }
            if (_queue.TryPeek(out _, out var next))
            {
                Arm(next);
            }
        }
        if (due is null)
        {
            return;
        }
        foreach (var entry in due)
        {
            try
            {
                entry.Fire();
            }
            catch (Exception ex)
            {
                // One failing callback must not cost the others their turn (they have left the queue already).
                _onFailure?.Invoke(ex);
            }
        }
    }
}

/// <summary>One started transaction timer: <see cref="Stop"/> it, or it fires once.</summary>
internal sealed class SipTimer
{
    private const int Pending = 0;
    private const int Due = 1;
    private const int Done = 2;

    private readonly SipTimerQueue _owner;
    private SipTransaction? _transaction;
    private Action<SipTransaction>? _callback;
    private int _state;
    private volatile bool _stopped;

    internal SipTimer(SipTimerQueue owner, SipTransaction transaction, Action<SipTransaction> callback)
    {
        _owner = owner;
        _transaction = transaction;
        _callback = callback;
    }

    /// <summary>Neither due nor stopped (read under the queue's lock).</summary>
    internal bool IsPending => _state == Pending;

    /// <summary>Stops the timer; call under the transaction's lock so a due callback cannot run afterwards.</summary>
    public void Stop()
    {
        _stopped = true;
        _owner.Cancel(this);
    }

    /// <summary>Pending → done, dropping the references (under the queue's lock); false when due or done already.</summary>
    internal bool TryCancel()
    {
        if (_state != Pending)
        {
            return false;
        }
        _state = Done;
        _transaction = null;
        _callback = null;
        return true;
    }

    /// <summary>Pending → due (under the queue's lock); <see cref="Fire"/> follows outside it.</summary>
    internal void MarkDue() => _state = Due;

    internal void Fire()
    {
        var transaction = _transaction;
        var callback = _callback;
        _transaction = null;
        _callback = null;
        if (transaction is null || callback is null)
        {
            return;
        }
        lock (transaction.Gate)
        {
            if (!_stopped && !transaction.IsTerminated)
            {
                callback(transaction);
            }
        }
    }
}
