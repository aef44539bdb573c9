using System.Net;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

/// <summary>
/// What is left of a non-INVITE server transaction over UDP once it sent its final response: the response's
/// bytes and where they went, kept for Timer J (64·T1, RFC 3261 §17.2.2) so that a retransmitted request gets it again
/// instead of reaching the transaction user twice. The request, the transaction object and its timers are
/// released at once. Every entry lives the same time, so expiry is a FIFO on one timer.
/// </summary>
/// <remarks>
/// At thousands of REGISTERs per second this lingering state is what the garbage collector would copy from
/// generation to generation, so an entry is no heap object at all: its key and response bytes are copied into
/// large byte chunks filled in arrival order, its fields into one circular array of structs, and a hash index
/// of ints chains them. These few arrays are long-lived (they start in the large object heap and hold no
/// references, so a collection neither copies nor scans them); <see cref="Add"/> allocates nothing once they
/// have grown. <see cref="TryGet"/> (a retransmitted request: rare) copies out.
/// </remarks>
internal sealed partial class CompletedResponseCache : IDisposable
{
    internal const int DefaultChunkSize = 256 * 1024;
    internal const int DefaultSlotCapacity = 2048;
    private const int MaxSlotCapacity = 1 << 28;

    /// <summary>
    /// Expired entries are removed at most once a second, a second's worth at a time: under load one timer wake-up
    /// instead of one per entry (thousands a second). Lookups and <see cref="Count"/> ignore an entry from the
    /// moment it expires, so Timer J is exact for everything but the memory, given back up to a second later.
    /// </summary>
    internal static readonly TimeSpan ExpirySweep = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly TimeSpan _linger;
    private readonly long _lingerTimestamp;
    private readonly long _sweepTimestamp;
    private readonly int _chunkSize;
    private readonly int _initialSlotCapacity;
    private readonly Func<ServerTransactionKey, int>? _hash;
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private bool _armed;
    private bool _disposed;

    public CompletedResponseCache(TimeProvider time, TimeSpan linger)
        : this(time, linger, DefaultChunkSize, DefaultSlotCapacity, null)
    {
    }

    /// <summary>
    /// Test and benchmark seam: the size of a byte chunk (an entry larger than that gets a chunk of its own), the
    /// starting (and smallest) size of the entry array, and the key hash (<see cref="ServerTransactionKey.GetHashCode"/> when null).
    /// </summary>
    internal CompletedResponseCache(TimeProvider time, TimeSpan linger, int chunkSize, int initialSlotCapacity, Func<ServerTransactionKey, int>? hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialSlotCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(initialSlotCapacity, MaxSlotCapacity);
        _time = time;
        _linger = linger;
        _lingerTimestamp = (long)(linger.Ticks * (time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
        _sweepTimestamp = (long)(ExpirySweep.Ticks * (time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
        _chunkSize = chunkSize;
        _initialSlotCapacity = initialSlotCapacity;
        _hash = hash;
        _writeChunk = AcquireChunk(_chunkSize);
        _slots = new Slot[_initialSlotCapacity];
        _buckets = new int[BucketCount(_initialSlotCapacity)];
        _timer = time.CreateTimer(static s => ((CompletedResponseCache)s!).Expire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Responses that a retransmission would get now (a replaced or expired one no longer counts).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                // Entries are in due order: the expired ones not yet swept are at the head.
                var now = _time.GetTimestamp();
                var expired = 0;
                for (int i = 0, at = _head; i < _slotCount && _slots[at].Due <= now; i++, at = Wrap(at + 1))
                {
                    if ((_slots[at].Flags & SlotFlags.Live) != 0)
                    {
                        expired++;
                    }
                }
                return _count - expired;
            }
        }
    }

    /// <summary>Entries held now, including expired ones not yet swept (<see cref="ExpirySweep"/>).</summary>
    internal int StoredCount
    {
        get
        {
            lock (_lock)
            {
                return _slotCount;
            }
        }
    }

    /// <summary>Bytes in the chunks held now (in use or spare; more are taken when full, given back after a burst).</summary>
    internal long ByteCapacity => Volatile.Read(ref _byteCapacity);

    /// <summary>Size of the entry array now (grows when full, shrinks back after a burst).</summary>
    internal int SlotCapacity => Volatile.Read(ref _slots).Length;

    /// <summary>
    /// Keeps <paramref name="response"/>'s bytes for <paramref name="key"/> until Timer J, with where the transport
    /// sends it (so a retransmission goes the same way). Replaces an earlier answer for an equal key.
    /// </summary>
    public void Add(ServerTransactionKey key, SipResponse response, SipFlow flow)
    {
        var destination = SipViaStamp.UdpDestination(response, flow);
        var data = response.Data.Span;
        var hash = Hash(key);
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var replaced = Find(key, hash);
            if (replaced >= 0)
            {
                Unlink(replaced);
                _slots[replaced].Flags &= ~SlotFlags.Live;
                Volatile.Write(ref _count, _count - 1);
            }

            var index = Store(key, hash, data, destination, flow.Local);
            if (index < 0)
            {
                return;
            }

            Link(index);
            Volatile.Write(ref _count, _count + 1);
            if (!_armed)
            {
                _armed = true;
                _ = _timer.Change(_linger, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>
    /// The response kept for <paramref name="key"/> (a copy: the cache reuses its buffer) and where it went.
    /// </summary>
    public bool TryGet(ServerTransactionKey key, out ReadOnlyMemory<byte> response, out SipTarget target)
    {
        var hash = Hash(key);
        lock (_lock)
        {
            var index = _disposed ? -1 : Find(key, hash);
            if (index >= 0 && _slots[index].Due > _time.GetTimestamp())
            {
                ref readonly var slot = ref _slots[index];
                response = _chunks[slot.Chunk]!.AsSpan(slot.Offset + slot.KeyLength, slot.ResponseLength).ToArray();
                var address = (slot.Flags & SlotFlags.IPv6) != 0
                    ? new IPAddress(((ReadOnlySpan<byte>)slot.Address)[..16], slot.ScopeId)
                    : new IPAddress(((ReadOnlySpan<byte>)slot.Address)[..4]);
                target = new SipTarget(SipTransportType.Udp, new IPEndPoint(address, slot.DestinationPort), 0, _locals[slot.LocalIndex]);
                return true;
            }
        }

        (response, target) = (default, null!);
        return false;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _chunks = [];
            _spares = [];
            _slots = [];
            _buckets = [];
            _locals = [];
            (_head, _slotCount, _spareCount, _chunkCount, _writeChunk, _writeOffset, _localCount) = (0, 0, 0, 0, 0, 0, 0);
            Volatile.Write(ref _byteCapacity, 0);
            Volatile.Write(ref _count, 0);
        }

        _timer.Dispose();
    }

    private int Hash(ServerTransactionKey key) => _hash is null ? key.GetHashCode() : _hash(key);

    /// <summary>Timer J for the oldest entries: they go in the order they came (all live the same time).</summary>
    private void Expire()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetTimestamp();
            while (_slotCount > 0 && _slots[_head].Due <= now)
            {
                RemoveOldest();
            }

            ShrinkIfSparse();
            if (_slotCount > 0)
            {
                var next = Math.Max(_slots[_head].Due, now + _sweepTimestamp);
                _ = _timer.Change(_time.GetElapsedTime(now, next), Timeout.InfiniteTimeSpan);
            }
            else
            {
                _armed = false;
            }
        }
    }
}
