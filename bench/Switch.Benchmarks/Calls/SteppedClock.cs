namespace Switch.Benchmarks.Calls;

/// <summary>
/// A clock for whole-switch measurements that moves only when told to, with hundreds of thousands of
/// timers: armed timers sit in a sorted set (a disposed or changed timer leaves it at once, as a system
/// timer leaves its queue), and <see cref="Advance"/> fires them in due order outside the lock.
/// </summary>
internal sealed class SteppedClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly SortedSet<SteppedTimer> _armed = new(DueOrder.Instance);
    private DateTimeOffset _now = new(2025, 3, 4, 10, 20, 30, TimeSpan.Zero);
    private long _sequence;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Timers armed now.</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_lock)
            {
                return _armed.Count;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer due on the way (timers armed by callbacks included).</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + by;
        }
        while (true)
        {
            SteppedTimer next;
            lock (_lock)
            {
                if (_armed.Count == 0 || _armed.Min!.Due > target)
                {
                    _now = target;
                    return;
                }
                next = _armed.Min!;
                _armed.Remove(next);
                _now = next.Due;
                if (next.Period > TimeSpan.Zero)
                {
                    next.Due = _now + next.Period;
                    next.Order = ++_sequence;
                    _armed.Add(next);
                }
            }
            next.Fire();
        }
    }

    private sealed class SteppedTimer(SteppedClock owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }
        public TimeSpan Period { get; set; }
        public long Order { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                owner._armed.Remove(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    Due = owner._now + dueTime;
                    Order = ++owner._sequence;
                    owner._armed.Add(this);
                }
            }
            return true;
        }

        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._armed.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class DueOrder : IComparer<SteppedTimer>
    {
        public static readonly DueOrder Instance = new();

        public int Compare(SteppedTimer? x, SteppedTimer? y)
        {
            var byDue = x!.Due.CompareTo(y!.Due);
            return byDue != 0 ? byDue : x.Order.CompareTo(y.Order);
        }
    }
}
