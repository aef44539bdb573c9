namespace Switch.Media;

internal sealed partial class EpollMediaLoop
{
    private readonly long _frameTicks;
    private readonly List<MediaLeg> _clocked = [];
    private List<MediaLeg> _clockAdds = [];
    private List<MediaLeg> _clockAddsInHand = [];
    private int _pendingClockAdds;
    private int _clockedCount;
    private long _nextTick;

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

            _clockAdds.Add(leg);
            Volatile.Write(ref _pendingClockAdds, 1);
        }

        Epoll.Signal(_wake);
        return true;
    }

    /// <summary>
    /// Ticks the clocked legs when a tick is due (a 20 ms grid that starts when the first leg joins; a late tick
    /// moves the grid, and each leg catches up the frames it owes); returns the <c>epoll_wait</c> timeout to the
    /// next tick in milliseconds, or -1 when no leg is clocked.
    /// </summary>
    private int RunClock()
    {
        if (Volatile.Read(ref _pendingClockAdds) != 0)
        {
            TakeClockAdds();
        }

        if (_clocked.Count == 0)
        {
            return -1;
        }

        var now = _time.GetTimestamp();
        if (now >= _nextTick)
        {
            for (var i = _clocked.Count - 1; i >= 0; i--)
            {
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
            _nextTick += _frameTicks;
            if (_nextTick <= now)
            {
                _nextTick = now + _frameTicks;
            }

            if (_clocked.Count == 0)
            {
                return -1;
            }
        }

        // Rounded up: waking a little late is a steady offset; waking early costs a pass for nothing.
        var ticks = Math.Min(_nextTick - now, _frameTicks);
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

        if (_clocked.Count == 0)
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
