using System.Diagnostics.CodeAnalysis;

namespace Switch.Media;

/// <summary>
/// Hands out even RTP ports (RTCP = port + 1) from a range, least recently released first so a port is not
/// reused while stale packets for the previous call may still arrive. Thread-safe.
/// </summary>
/// <remarks>
/// Every pair is in exactly one of three places: free, leased, or set aside. A leased port that could not be
/// bound (another process holds it) is set aside with <see cref="SetAside"/> instead of going back to the
/// free queue, so the next calls do not trip over it again; it returns to the free queue after
/// <see cref="RetryAfter"/> (a port busy now may be free later), and when nothing else is free the port set
/// aside longest can still be tried at once with <see cref="TryAcquireSetAside"/>. The pool never shrinks.
/// </remarks>
internal sealed class RtpPortPool
{
    /// <summary>How long a port that failed to bind stays out of the free queue by default.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly Queue<int> _free;
    private readonly HashSet<int> _leased = [];
    private readonly Queue<(int Port, long RetryAt)> _setAside = new();
    private readonly TimeProvider _time;
    private readonly long _retryTicks;

    public RtpPortPool(RtpPortRange range)
        : this(range, TimeProvider.System, DefaultRetryAfter)
    {
    }

    public RtpPortPool(RtpPortRange range, TimeProvider time, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        Range = range;
        RetryAfter = retryAfter;
        _time = time;
        _retryTicks = (long)(retryAfter.TotalSeconds * time.TimestampFrequency);
        _free = new Queue<int>(range.EvenPorts());
        Capacity = _free.Count;
    }

    public RtpPortRange Range { get; }

    /// <summary>How long a port that could not be bound is kept out of the free queue.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>Total RTP/RTCP pairs.</summary>
    public int Capacity { get; }

    /// <summary>Pairs in the free queue (set-aside pairs whose retry time has come count once they are moved back).</summary>
    public int Available
    {
        get
        {
            lock (_lock)
            {
                ReturnDue();
                return _free.Count;
            }
        }
    }

    /// <summary>Pairs leased to legs.</summary>
    public int InUse
    {
        get
        {
            lock (_lock)
            {
                return _leased.Count;
            }
        }
    }

    /// <summary>Pairs set aside after a failed bind, waiting for their retry time.</summary>
    public int SetAsideCount
    {
        get
        {
            lock (_lock)
            {
                ReturnDue();
                return _setAside.Count;
            }
        }
    }

    /// <summary>Takes a free pair; false when none is free (every pair is leased or set aside).</summary>
    public bool TryAcquire([NotNullWhen(true)] out RtpPortPair? pair)
    {
        lock (_lock)
        {
            ReturnDue();
            if (_free.TryDequeue(out var port))
            {
                _leased.Add(port);
                pair = new RtpPortPair(port);
                return true;
            }
        }

        pair = null;
        return false;
    }

    /// <summary>
    /// Takes the pair set aside longest, before its retry time: the last resort when <see cref="TryAcquire"/>
    /// found nothing free. False when nothing is set aside.
    /// </summary>
    public bool TryAcquireSetAside([NotNullWhen(true)] out RtpPortPair? pair)
    {
        lock (_lock)
        {
            if (_setAside.TryDequeue(out var entry))
            {
                _leased.Add(entry.Port);
                pair = new RtpPortPair(entry.Port);
                return true;
            }
        }

        pair = null;
        return false;
    }

    /// <summary>Returns a pair; releasing a port twice or one never leased is ignored.</summary>
    public void Release(RtpPortPair pair)
    {
        lock (_lock)
        {
            if (_leased.Remove(pair.RtpPort))
            {
                _free.Enqueue(pair.RtpPort);
            }
        }
    }

    /// <summary>
    /// Returns a leased pair that could not be bound: it is kept out of the free queue until its retry time.
    /// A port not leased is ignored.
    /// </summary>
    public void SetAside(RtpPortPair pair)
    {
        lock (_lock)
        {
            if (_leased.Remove(pair.RtpPort))
            {
                _setAside.Enqueue((pair.RtpPort, _time.GetTimestamp() + _retryTicks));
            }
        }
    }

    /// <summary>Moves set-aside pairs whose retry time has come to the free queue (the queue is in retry order).</summary>
    private void ReturnDue()
    {
        if (_setAside.Count == 0)
        {
            return;
        }
        var now = _time.GetTimestamp();
        while (_setAside.TryPeek(out var entry) && entry.RetryAt <= now)
        {
            _setAside.Dequeue();
            _free.Enqueue(entry.Port);
        }
    }
}
