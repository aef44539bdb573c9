namespace Switch.Media;

internal sealed partial class EpollMediaLoop
{
    /// <summary>Legs ticked per pass of the loop (~32 × 5–10 µs between looks at the sockets).</summary>
    internal const int ClockChunk = 32;

    private readonly long _frameTicks;
    private readonly List<MediaLeg> _clocked = [];
    private List<MediaLeg> _clockAdds = [];
    private List<MediaLeg> _clockAddsInHand = [];
    private int _pendingClockAdds;
    private int _clockedCount;
    private long _nextTick;
    private bool _ticking;
    private int _tickCursor;

    /// <summary>Legs whose media clock this thread runs now (playback, DTMF or recording in progress).</summary>
    public int ClockedLegs => Volatile.Read(ref _clockedCount);

    /// <summary>
    /// Puts a leg on this thread's 20 ms clock: from the next pass on, <see cref="MediaLeg.Tick"/> is called at every
    /// tick until it returns false. Any thread; false when the thread has exited.
    /// </summary>
    public bool AddClocked(MediaLeg leg)
    {
        lock (_lock)
        {
            if (_exited)
            {
                return false;
            }

            leg.HandedToLoopClock = true;
            _clockAdds.Add(leg);
            Volatile.Write(ref _pendingClockAdds, 1);
        }

        Epoll.Signal(_wake);
        return true;
    }

    /// <summary>
    /// Ticks the clocked legs when a tick is due (a 20 ms grid that starts when the first leg joins; a late tick
    /// moves the grid, and each leg catches up the frames it owes). At most <see cref="ClockChunk"/> legs per pass, so
    /// datagrams that arrive while many legs play wait for a chunk, not for the whole tick. Returns the
    /// <c>epoll_wait</c> timeout: 0 while a tick is in progress, else milliseconds to the next tick, or -1 when no
    /// leg is clocked.
    /// </summary>
    private int RunClock()
    {
        if (Volatile.Read(ref _pendingClockAdds) != 0)
        {
            TakeClockAdds();
        }

        if (_clocked.Count == 0)
        {
            _ticking = false;
            return -1;
        }

        var now = _time.GetTimestamp();
        if (!_ticking)
        {
            if (now < _nextTick)
            {
                return TimeoutTo(now);
            }

            _ticking = true;
            _tickCursor = _clocked.Count - 1;
            _nextTick += _frameTicks;
            if (_nextTick <= now)
            {
                _nextTick = now + _frameTicks;
            }
        }

        // Downwards, so that a leg swapped in from the end (ticked already, or added since) is not ticked twice.
        for (var budget = ClockChunk; _tickCursor >= 0 && budget > 0; budget--)
        {
            var i = _tickCursor--;
            var leg = _clocked[i];
            bool keep;
            try
            {
                keep = leg.Tick(now);
            }
            catch (Exception e)
            {
                MediaLog.ClockListenerFailed(_logger, e);
                keep = true;
            }

            if (!keep)
            {
                leg.OnLoopClock = false;
                _clocked[i] = _clocked[^1];
                _clocked.RemoveAt(_clocked.Count - 1);
            }
        }

        Volatile.Write(ref _clockedCount, _clocked.Count);
        if (_tickCursor >= 0)
        {
            return 0;
        }

        _ticking = false;
        return _clocked.Count == 0 ? -1 : TimeoutTo(now);
    }

    /// <summary>Milliseconds to the next tick, rounded up: waking a little late is a steady offset, early a pass for nothing.</summary>
    private int TimeoutTo(long now)
    {
        var ticks = Math.Clamp(_nextTick - now, 0, _frameTicks);
        var frequency = _time.TimestampFrequency;
        return (int)(((ticks * 1000) + frequency - 1) / frequency);
    }

    private void TakeClockAdds()
    {
        List<MediaLeg> adds;
        lock (_lock)
        {
            adds = _clockAdds;
            _clockAdds = _clockAddsInHand;
            _clockAddsInHand = adds;
            Volatile.Write(ref _pendingClockAdds, 0);
        }

        if (_clocked.Count == 0 && !_ticking)
        {
            _nextTick = _time.GetTimestamp();
        }

        foreach (var leg in adds)
        {
            if (!leg.OnLoopClock)
            {
                leg.OnLoopClock = true;
                _clocked.Add(leg);
            }
        }

        adds.Clear();
        Volatile.Write(ref _clockedCount, _clocked.Count);
    }
}
