namespace Switch.Events;

/// <summary>
/// One event as FreeSWITCH models it: a name, an ordered list of headers (standard headers first, then the
/// event's own), and an optional body. Immutable once published; shared by every subscriber.
/// </summary>
public sealed class SwitchEvent
{
    private readonly KeyValuePair<string, string>[] _headers;

    internal SwitchEvent(string name, string? subclass, long sequence, DateTimeOffset timestamp,
        KeyValuePair<string, string>[] headers, string? body, string? uniqueId)
    {
        Name = name;
        Subclass = subclass;
        Sequence = sequence;
        Timestamp = timestamp;
        _headers = headers;
        Body = body;
        UniqueId = uniqueId;
    }

    /// <summary>The Event-Name (CHANNEL_CREATE, CUSTOM, ...).</summary>
    public string Name { get; }

    /// <summary>The Event-Subclass of a CUSTOM event (sofia::register), else null.</summary>
    public string? Subclass { get; }

    /// <summary>The Event-Sequence: process-wide, +1 per published event, starting at 1.</summary>
    public long Sequence { get; }

    public DateTimeOffset Timestamp { get; }

    /// <summary>Every header in wire order, standard headers included. Names may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    public string? Body { get; }

    /// <summary>The channel this event is about (its Unique-ID), for per-channel subscriptions.</summary>
    public string? UniqueId { get; }

    /// <summary>The first header with that name (case-sensitive, as ESL clients match), or null.</summary>
    public string? GetHeader(string name)
    {
        foreach (var h in _headers)
        {
            if (string.Equals(h.Key, name, StringComparison.Ordinal))
            {
                return h.Value;
            }
        }
        return null;
    }

    public override string ToString() => Subclass is null ? $"{Name} #{Sequence}" : $"{Name} {Subclass} #{Sequence}";
}
