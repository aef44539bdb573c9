using System.Collections.Concurrent;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

/// <summary>
/// What is left of a non-INVITE server transaction over UDP once it sent its final response: the response's
/// bytes and where they went, kept for Timer J (64·T1, RFC 3261 §17.2.2) so that a retransmitted request gets it again
/// instead of reaching the transaction user twice. The request, the transaction object and its timers are
/// released at once; at thousands of REGISTERs per second the lingering state is what fills the heap, so it is
/// kept this small. Every entry lives the same time, so expiry is a FIFO on one timer.
/// </summary>
internal sealed class CompletedResponseCache : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _linger;
    private readonly ConcurrentDictionary<ServerTransactionKey, Entry> _entries = new();
    private readonly Lock _lock = new();
    private readonly Queue<(long Due, ServerTransactionKey Key, Entry Entry)> _expiries = new();
    private readonly ITimer _timer;
    private bool _armed;

    public CompletedResponseCache(TimeProvider time, TimeSpan linger)
    {
        _time = time;
        _linger = linger;
        _timer = time.CreateTimer(static s => ((CompletedResponseCache)s!).Expire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Count => _entries.Count;

    /// <summary>Keeps <paramref name="response"/> for <paramref name="key"/> until Timer J.</summary>
    public void Add(ServerTransactionKey key, SipResponse response, SipFlow flow)
    {
        // Where the transport sent it, so a retransmission goes the same way.
        var entry = new Entry(response.Data, new SipTarget(SipTransportType.Udp, SipViaStamp.UdpDestination(response, flow), 0, flow.Local));
        _entries[key] = entry;
        var due = _time.GetTimestamp() + (long)(_linger.Ticks * (_time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
        lock (_lock)
        {
            _expiries.Enqueue((due, key, entry));
            if (!_armed)
            {
                _armed = true;
                _timer.Change(_linger, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public bool TryGet(ServerTransactionKey key, out ReadOnlyMemory<byte> response, out SipTarget target)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            (response, target) = (entry.Response, entry.Target);
            return true;
        }
        (response, target) = (default, null!);
        return false;
    }

    public void Dispose()
    {
        _timer.Dispose();
        _entries.Clear();
    }

    private void Expire()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            while (_expiries.TryPeek(out var head) && head.Due <= now)
            {
                _expiries.Dequeue();
                _ = _entries.TryRemove(new KeyValuePair<ServerTransactionKey, Entry>(head.Key, head.Entry));
            }
            if (_expiries.TryPeek(out var next))
            {
                _timer.Change(_time.GetElapsedTime(now, next.Due), Timeout.InfiniteTimeSpan);
            }
            else
            {
                _armed = false;
            }
        }
    }

    private sealed record Entry(ReadOnlyMemory<byte> Response, SipTarget Target);
}
