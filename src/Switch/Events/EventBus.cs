using System.Collections.Immutable;
using System.Globalization;

namespace Switch.Events;

/// <summary>
/// The switch's event bus. Publishers (calls, registrar, commands) hand in a builder; the bus stamps the
/// standard headers and a sequence number and calls every subscriber synchronously, in sequence order.
/// Subscribers must not block: the event socket writes into bounded per-connection queues.
/// </summary>
public sealed class EventBus
{
    private readonly Lock _publishLock = new();
    private readonly TimeProvider _time;
    private readonly EventDateTexts _dates;

    /// <summary>Where the standard headers are put together (under the lock) before they go into the event's first part.</summary>
    private readonly KeyValuePair<string, string>[] _standard = new KeyValuePair<string, string>[StampedHeaderCount + 1];

    /// <summary>Head blocks by event name; used under the lock.</summary>
    private readonly Dictionary<string, KeyValuePair<string, string>[]> _heads = new(StringComparer.Ordinal);
    private ImmutableArray<Action<SwitchEvent>> _subscribers = ImmutableArray<Action<SwitchEvent>>.Empty;
    private ImmutableArray<Func<string, string?, bool>?> _interests = ImmutableArray<Func<string, string?, bool>?>.Empty;
    private long _sequence;

    public EventBus(SwitchIdentity identity, TimeProvider time)
    {
        Identity = identity;
        _time = time;
        _dates = new EventDateTexts(time);
    }

    /// <summary>How many standard headers an event without Event-Subclass starts with.</summary>
    internal const int StandardHeaderCount = 13;

    /// <summary>The standard headers after the head block (dates, calling site, sequence), stamped per event.</summary>
    internal const int StampedHeaderCount = StandardHeaderCount - HeadHeaderCount;

    /// <summary>Event-Name and the five identity headers: one shared block per event name.</summary>
    private const int HeadHeaderCount = 6;

    /// <summary>Bounds the head blocks kept (sendevent can name any event).</summary>
    private const int MaxHeadBlocks = 256;

    public SwitchIdentity Identity { get; }

    /// <summary>True while anyone listens.</summary>
    public bool HasSubscribers => !_subscribers.IsEmpty;

    /// <summary>
    /// False when no subscriber wants events named <paramref name="eventName"/> (CUSTOM: with
    /// <paramref name="subclass"/>): publishers skip building them. A subscriber without an interest filter
    /// wants everything.
    /// </summary>
    public bool Wants(string eventName, string? subclass = null)
    {
        foreach (var wants in _interests)
        {
            if (wants is null || wants(eventName, subclass))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The sequence number of the newest event published so far.</summary>
    public long LastSequence => Interlocked.Read(ref _sequence);

    /// <summary>
    /// Calls <paramref name="onEvent"/> for every event published from now on; <paramref name="wants"/> (event
    /// name, CUSTOM subclass) says which events it wants at all, so that publishers can skip the others.
    /// </summary>
    public IDisposable Subscribe(Action<SwitchEvent> onEvent, Func<string, string?, bool>? wants = null)
    {
        lock (_publishLock)
        {
            _subscribers = _subscribers.Add(onEvent);
            _interests = _interests.Add(wants);
        }
        return new Subscription(this, onEvent, wants);
    }

    public SwitchEvent Publish(SwitchEventBuilder builder)
    {
        lock (_publishLock)
        {
            var e = Stamp(builder);
            foreach (var subscriber in _subscribers)
            {
                subscriber(e);
            }
            return e;
        }
    }

    /// <summary>
    /// Creates an event with standard headers and the next sequence number without delivering it: for replies
    /// that carry an event (uuid_dump, the outbound connect reply), as FreeSWITCH creates CHANNEL_DATA.
    /// </summary>
    public SwitchEvent Create(SwitchEventBuilder builder)
    {
        lock (_publishLock)
        {
            return Stamp(builder);
        }
    }

    /// <summary>
    /// The next sequence number and the standard headers: the head block of the event's name, then the dates,
    /// calling site and sequence written into the room the builder keeps for them. Under the lock.
    /// </summary>
    private SwitchEvent Stamp(SwitchEventBuilder b)
    {
        var now = _time.GetUtcNow();
        var sequence = ++_sequence;
        _dates.Update(now);
        var standard = _standard;
        var i = 0;
        standard[i++] = new("Event-Date-Local", _dates.Local);
        standard[i++] = new("Event-Date-GMT", _dates.Gmt);
        standard[i++] = new("Event-Date-Timestamp", _dates.Timestamp);
        standard[i++] = new("Event-Calling-File", b.CallingFile);
        standard[i++] = new("Event-Calling-Function", b.CallingFunction);
        standard[i++] = new("Event-Calling-Line-Number", EventCallingSites.Line(b.CallingLine));
        standard[i++] = new("Event-Sequence", sequence.ToString(CultureInfo.InvariantCulture));
        if (b.Subclass is not null)
        {
            standard[i] = new("Event-Subclass", b.Subclass);
        }
        var parts = b.TakeParts(Head(b.Name), standard.AsSpan(0, b.StandardCount));
        return new SwitchEvent(b.Name, b.Subclass, sequence, now, parts, b.Body, b.UniqueId, b.SharedParts);
    }

    /// <summary>Event-Name, Core-UUID, FreeSWITCH-Hostname, -Switchname, -IPv4 and -IPv6: the same for every event of a name.</summary>
    private KeyValuePair<string, string>[] Head(string eventName)
    {
        if (_heads.TryGetValue(eventName, out var head))
        {
            return head;
        }
        head =
        [
            new("Event-Name", eventName),
            new("Core-UUID", Identity.CoreUuid),
            new("FreeSWITCH-Hostname", Identity.Hostname),
            new("FreeSWITCH-Switchname", Identity.Switchname),
            new("FreeSWITCH-IPv4", Identity.IPv4),
            new("FreeSWITCH-IPv6", Identity.IPv6),
        ];
        if (_heads.Count < MaxHeadBlocks)
        {
            _heads.Add(eventName, head);
        }
        return head;
    }

    /// <summary>Microseconds since the Unix epoch, as FreeSWITCH writes its timestamps.</summary>
    public static long ToMicroseconds(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private sealed class Subscription(EventBus bus, Action<SwitchEvent> handler, Func<string, string?, bool>? wants) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (bus._publishLock)
                {
                    bus._subscribers = bus._subscribers.Remove(handler);
                    bus._interests = bus._interests.Remove(wants);
                }
            }
        }
    }
}
