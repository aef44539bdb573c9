namespace Switch.Events;

/// <summary>
/// One event as FreeSWITCH models it: a name, an ordered list of headers (standard headers first, then the
/// event's own), and an optional body. Immutable once published; shared by every subscriber.
/// </summary>
/// <remarks>
/// The headers are kept as the parts the publisher built them from (the standard headers with the leading own
/// headers, then blocks such as the channel's caller profile or variables that many events share by reference);
/// <see cref="Headers"/> reads them as one list.
/// </remarks>
public sealed class SwitchEvent
{
    private readonly ReadOnlyMemory<KeyValuePair<string, string>>[] _parts;
    private KeyValuePair<string, string>[]? _headers;

    internal SwitchEvent(string name, string? subclass, long sequence, DateTimeOffset timestamp,
        ReadOnlyMemory<KeyValuePair<string, string>>[] parts, string? body, string? uniqueId, ulong sharedParts = 0)
    {
        SharedParts = sharedParts;
        Name = name;
        Subclass = subclass;
        Sequence = sequence;
        Timestamp = timestamp;
        _parts = parts;
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

    /// <summary>Every header in wire order, standard headers included. Names may repeat. One array made on first use.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers
    {
        get
        {
            var headers = Volatile.Read(ref _headers);
            if (headers is null)
            {
                headers = new KeyValuePair<string, string>[HeaderCount];
                var at = 0;
                foreach (var part in _parts)
                {
                    part.Span.CopyTo(headers.AsSpan(at));
                    at += part.Length;
                }
                Volatile.Write(ref _headers, headers);
            }
            return headers;
        }
    }

    /// <summary>The headers as parts that read in order as <see cref="Headers"/>; shared, never to be changed.</summary>
    internal ReadOnlyMemory<KeyValuePair<string, string>>[] HeaderParts => _parts;

    /// <summary>
    /// Bit i set: <see cref="HeaderParts"/>[i] is a whole array shared with other events and never changed, so a
    /// subscriber may key what it derives from it (a serialization) on that array.
    /// </summary>
    internal ulong SharedParts { get; }

    /// <summary>How many headers the event has.</summary>
    public int HeaderCount
    {
        get
        {
            var count = 0;
            foreach (var part in _parts)
            {
                count += part.Length;
            }
            return count;
        }
    }

    public string? Body { get; }

    /// <summary>The channel this event is about (its Unique-ID), for per-channel subscriptions.</summary>
    public string? UniqueId { get; }

    /// <summary>The first header with that name (case-sensitive, as ESL clients match), or null.</summary>
    public string? GetHeader(string name)
    {
        foreach (var part in _parts)
        {
            foreach (var h in part.Span)
            {
                if (string.Equals(h.Key, name, StringComparison.Ordinal))
                {
                    return h.Value;
                }
            }
        }
        return null;
    }

    public override string ToString() => Subclass is null ? $"{Name} #{Sequence}" : $"{Name} {Subclass} #{Sequence}";
}
