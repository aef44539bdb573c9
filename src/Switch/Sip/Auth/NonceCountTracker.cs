namespace Switch.Sip.Auth;

/// <summary>
/// Remembers, per nonce, the highest nonce-count accepted (RFC 7616 §3.4.5 replay protection) and how long
/// the nonce stays usable after a successful authentication. Memory is bounded: past the capacity, records
/// that outlived their use are purged, then the oldest-issued ones; a forgotten nonce issued at or before
/// the newest one dropped is refused (never silently re-accepted with a lower count).
/// Records are forgotten in the order they were first used (a queue), so making room costs one pass over the
/// records for the outlived ones and no sorting: the receive thread that calls this never stalls on it.
/// </summary>
internal sealed class NonceCountTracker
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<(string Nonce, long Sequence)> _firstUse = new();
    private readonly int _capacity;
    private long _sequence;
    private DateTimeOffset _forgottenUpTo = DateTimeOffset.MinValue;

    public NonceCountTracker(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Slots in the first-use queue (records plus not yet compacted leftovers), for tests.</summary>
    internal int QueuedCount
    {
        get
        {
            lock (_lock)
            {
                return _firstUse.Count;
            }
        }
    }

    /// <summary>
    /// Records a use of <paramref name="nonce"/> with count <paramref name="nc"/> (0 for the no-qop form,
    /// which may repeat). <paramref name="keepUntil"/> is how long the nonce stays usable from now on.
    /// </summary>
    public NonceCountResult TryAccept(string nonce, uint nc, DateTimeOffset issuedAt, DateTimeOffset now,
        DateTimeOffset keepUntil)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(nonce, out var entry))
            {
                if (nc != 0 && nc <= entry.HighestNc)
                {
                    return NonceCountResult.Replayed;
                }
                _entries[nonce] = entry with
                {
                    HighestNc = Math.Max(nc, entry.HighestNc),
                    KeepUntil = keepUntil > entry.KeepUntil ? keepUntil : entry.KeepUntil,
                };
                return NonceCountResult.Accepted;
            }

            if (issuedAt <= _forgottenUpTo)
            {
                return NonceCountResult.Forgotten;
            }
            if (_entries.Count >= _capacity)
            {
                Shrink(now);
            }
            var sequence = ++_sequence;
            _entries[nonce] = new Entry(nc, issuedAt, keepUntil, sequence);
            _firstUse.Enqueue((nonce, sequence));
            return NonceCountResult.Accepted;
        }
    }

    /// <summary>True when a nonce past its own lifetime was kept usable by an earlier successful use.</summary>
    public bool IsKeptAlive(string nonce, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(nonce, out var entry) && entry.KeepUntil >= now;
        }
    }

    private void Shrink(DateTimeOffset now)
    {
        List<string>? dead = null;
        foreach (var (key, entry) in _entries)
        {
            if (entry.KeepUntil < now)
            {
                (dead ??= []).Add(key);
            }
        }
        if (dead is not null)
        {
            foreach (var key in dead)
            {
                _entries.Remove(key);
            }
        }
        if (_entries.Count < _capacity)
        {
            CompactQueue();
            return;
        }

        // Still full of live records: forget the earliest-used tenth and refuse anything issued before them.
        var drop = Math.Max(1, _entries.Count / 10);
        while (drop > 0 && _firstUse.TryDequeue(out var first))
        {
            if (_entries.TryGetValue(first.Nonce, out var entry) && entry.Sequence == first.Sequence)
            {
                _entries.Remove(first.Nonce);
                if (entry.IssuedAt > _forgottenUpTo)
                {
                    _forgottenUpTo = entry.IssuedAt;
                }
                drop--;
            }
        }
    }

    /// <summary>Drops queue slots of records already removed, so the queue stays about as long as the table.</summary>
    private void CompactQueue()
    {
        if (_firstUse.Count <= 2 * _entries.Count + 16)
        {
            return;
        }
        var count = _firstUse.Count;
        for (var i = 0; i < count; i++)
        {
            var slot = _firstUse.Dequeue();
            if (_entries.TryGetValue(slot.Nonce, out var entry) && entry.Sequence == slot.Sequence)
            {
                _firstUse.Enqueue(slot);
            }
        }
    }

    private readonly record struct Entry(uint HighestNc, DateTimeOffset IssuedAt, DateTimeOffset KeepUntil, long Sequence);
}
