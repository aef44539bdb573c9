namespace Switch.Calls;

/// <summary>
/// Every live channel by uuid, for command lookup, show channels and hupall, with the session counters
/// <c>status</c> prints. Channels are added when created and removed when destroyed; the owning
/// <see cref="Call"/> is found through <see cref="Channel.Call"/>.
/// </summary>
internal sealed class CallRegistry(TimeProvider time)
{
    private readonly ChannelTable _channels = new();
    private readonly SessionRates _rates = new(time);

    private long _created;
    private int _alive;
    private int _peak;

    public int Count => Volatile.Read(ref _alive);

    /// <summary>Channels created since start-up (the sessions `status` counts).</summary>
    public long Created => Interlocked.Read(ref _created);

    /// <summary>Most channels alive at once since start-up.</summary>
    public int Peak => Volatile.Read(ref _peak);

    public bool TryAdd(Channel channel)
    {
        if (!_channels.Add(channel))
        {
            return false;
        }
        Interlocked.Increment(ref _created);
        var count = Interlocked.Increment(ref _alive);
        var peak = Volatile.Read(ref _peak);
        while (count > peak && Interlocked.CompareExchange(ref _peak, count, peak) != peak)
        {
            peak = Volatile.Read(ref _peak);
        }
        _rates.OnCreated(count);
        return true;
    }

    public void Remove(Channel channel)
    {
        if (_channels.Remove(channel))
        {
            _rates.OnDestroyed(Interlocked.Decrement(ref _alive) + 1);
        }
    }

    public Channel? Find(string? uuid) =>
        string.IsNullOrEmpty(uuid) ? null : _channels.Find(uuid);

    public bool Contains(string uuid) => _channels.Find(uuid) is not null;

    /// <summary>A moment's list of the live channels (safe to enumerate while calls change).</summary>
    public IReadOnlyList<Channel> Snapshot() => _channels.ToList();

    /// <summary>The counters `status` prints, now.</summary>
    public SessionCounts Counts()
    {
        var alive = Count;
        var (perSecond, perSecondPeak, perSecondFiveMinutes, peakFiveMinutes) = _rates.Read(alive);
        return new SessionCounts(Created, alive, Math.Max(Peak, alive), peakFiveMinutes, perSecond, perSecondPeak, perSecondFiveMinutes);
    }

    /// <summary>Channels by uuid, compared as FreeSWITCH does (case-insensitively).</summary>
    private sealed class ChannelTable : LiveTable<string, Channel>
    {
        protected override int HashOfKey(string key) => string.GetHashCode(key, StringComparison.OrdinalIgnoreCase);

        protected override int HashOf(Channel value) => HashOfKey(value.Uuid);

        protected override bool Matches(Channel value, string key) => string.Equals(value.Uuid, key, StringComparison.OrdinalIgnoreCase);

        protected override bool SameKey(Channel value, Channel other) => Matches(value, other.Uuid);
    }
}
