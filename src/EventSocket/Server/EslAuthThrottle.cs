using System.Net;

namespace Switch.EventSocket;

/// <summary>Counts failed authentications per source address within a window; past the limit the address is refused.</summary>
internal sealed class EslAuthThrottle
{
    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, Queue<long>> _failures = [];
    private readonly TimeProvider _time;
    private readonly int _max;
    private readonly long _windowTicks;

    public EslAuthThrottle(TimeProvider time, int maxFailures, TimeSpan window)
    {
        _time = time;
        _max = maxFailures;
        _windowTicks = (long)(window.TotalSeconds * time.TimestampFrequency);
    }

    public void RecordFailure(IPAddress address)
    {
        var now = _time.GetTimestamp();
        lock (_lock)
        {
            if (!_failures.TryGetValue(address, out var queue))
            {
                if (_failures.Count > 10_000)
                {
                    Prune(now);
                }

                queue = new Queue<long>();
                _failures[address] = queue;
            }

            queue.Enqueue(now);
            Expire(queue, now);
        }
    }

    public bool IsRefused(IPAddress address)
    {
        var now = _time.GetTimestamp();
        lock (_lock)
        {
            if (!_failures.TryGetValue(address, out var queue))
            {
                return false;
            }

            Expire(queue, now);
            if (queue.Count == 0)
            {
                _failures.Remove(address);
                return false;
            }

            return queue.Count >= _max;
        }
    }

    private void Expire(Queue<long> queue, long now)
    {
        while (queue.Count > 0 && now - queue.Peek() >= _windowTicks)
        {
            queue.Dequeue();
        }
    }

    private void Prune(long now)
    {
        foreach (var (address, queue) in _failures.ToArray())
        {
            Expire(queue, now);
            if (queue.Count == 0)
            {
                _failures.Remove(address);
            }
        }
    }
}
