using System.Collections.Concurrent;

namespace Switch.Calls;

/// <summary>
/// Every live channel by uuid, for command lookup, show channels and hupall. Channels are added when
/// created and removed when destroyed; the owning <see cref="Call"/> is found through <see cref="Channel.Call"/>.
/// </summary>
internal sealed class CallRegistry
{
    private readonly ConcurrentDictionary<string, Channel> _channels = new(StringComparer.OrdinalIgnoreCase);

    private long _created;
    private int _peak;

    public int Count => _channels.Count;

    /// <summary>Channels created since start-up (the sessions `status` counts).</summary>
    public long Created => Interlocked.Read(ref _created);

    /// <summary>Most channels alive at once since start-up.</summary>
    public int Peak => Volatile.Read(ref _peak);

    public bool TryAdd(Channel channel)
    {
        if (!_channels.TryAdd(channel.Uuid, channel))
        {
            return false;
        }
        Interlocked.Increment(ref _created);
        var count = _channels.Count;
        var peak = Volatile.Read(ref _peak);
        while (count > peak && Interlocked.CompareExchange(ref _peak, count, peak) != peak)
        {
            peak = Volatile.Read(ref _peak);
        }
        return true;
    }

    public void Remove(Channel channel) => _channels.TryRemove(new KeyValuePair<string, Channel>(channel.Uuid, channel));

    public Channel? Find(string? uuid) =>
        !string.IsNullOrEmpty(uuid) && _channels.TryGetValue(uuid, out var channel) ? channel : null;

    public bool Contains(string uuid) => _channels.ContainsKey(uuid);

    /// <summary>A moment's list of the live channels (safe to enumerate while calls change).</summary>
    public IReadOnlyList<Channel> Snapshot() => _channels.Values.ToArray();
}
