namespace Switch.Sip.Auth;

/// <summary>
/// Remembers, per nonce, the highest nonce-count accepted (RFC 7616 §3.4.5 replay protection) and how long
/// the nonce stays usable after a successful authentication. Memory is bounded: past the capacity, records
/// that outlived their use are purged, then the oldest-issued ones; a forgotten nonce issued at or before
/// the newest one dropped is refused (never silently re-accepted with a lower count).
/// </summary>
internal sealed class NonceCountTracker
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;
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
            _entries[nonce] = new Entry(nc, issuedAt, keepUntil);
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
            return;
        }

        // Still full of live records: forget the oldest-issued tenth and refuse anything issued before them.
        var byAge = new List<KeyValuePair<string, Entry>>(_entries);
        byAge.Sort(static (a, b) => a.Value.IssuedAt.CompareTo(b.Value.IssuedAt));
        var drop = Math.Max(1, byAge.Count / 10);
        for (var i = 0; i < drop; i++)
        {
            _entries.Remove(byAge[i].Key);
            if (byAge[i].Value.IssuedAt > _forgottenUpTo)
            {
                _forgottenUpTo = byAge[i].Value.IssuedAt;
            }
        }
    }

    private readonly record struct Entry(uint HighestNc, DateTimeOffset IssuedAt, DateTimeOffset KeepUntil);
}
