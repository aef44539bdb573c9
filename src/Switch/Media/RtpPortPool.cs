using System.Diagnostics.CodeAnalysis;

namespace Switch.Media;

/// <summary>
/// Hands out even RTP ports (RTCP = port + 1) from a range, least recently released first so a port is not
/// reused while stale packets for the previous call may still arrive. Thread-safe.
/// </summary>
internal sealed class RtpPortPool
{
    private readonly Lock _lock = new();
    private readonly Queue<int> _free;
    private readonly HashSet<int> _leased = [];

    public RtpPortPool(RtpPortRange range)
    {
        Range = range;
        _free = new Queue<int>(range.EvenPorts());
        Capacity = _free.Count;
    }

    public RtpPortRange Range { get; }

    /// <summary>Total RTP/RTCP pairs.</summary>
    public int Capacity { get; }

    public int Available
    {
        get
        {
            lock (_lock)
            {
                return _free.Count;
            }
        }
    }

    public int InUse => Capacity - Available;

    /// <summary>Takes a pair; false when every pair is in use (the caller reports the exhaustion).</summary>
    public bool TryAcquire([NotNullWhen(true)] out RtpPortPair? pair)
    {
        lock (_lock)
        {
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
}
