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
    private ImmutableArray<Action<SwitchEvent>> _subscribers = ImmutableArray<Action<SwitchEvent>>.Empty;
    private ImmutableArray<Func<string, string?, bool>?> _interests = ImmutableArray<Func<string, string?, bool>?>.Empty;
    private long _sequence;

    public EventBus(SwitchIdentity identity, TimeProvider time)
    {
        Identity = identity;
        _time = time;
    }

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
            var now = _time.GetUtcNow();
            var sequence = ++_sequence;
            var e = new SwitchEvent(builder.Name, builder.Subclass, sequence, now,
                BuildHeaders(builder, sequence, now), builder.Body, builder.UniqueId);
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
            var now = _time.GetUtcNow();
            var sequence = ++_sequence;
            return new SwitchEvent(builder.Name, builder.Subclass, sequence, now,
                BuildHeaders(builder, sequence, now), builder.Body, builder.UniqueId);
        }
    }

    private KeyValuePair<string, string>[] BuildHeaders(SwitchEventBuilder b, long sequence, DateTimeOffset now)
    {
        var own = b.OwnHeaders;
        var count = 13 + (b.Subclass is null ? 0 : 1) + own.Count;
        var headers = new KeyValuePair<string, string>[count];
        var local = _time.LocalTimeZone == TimeZoneInfo.Utc ? now : TimeZoneInfo.ConvertTime(now, _time.LocalTimeZone);
        var i = 0;
        headers[i++] = new("Event-Name", b.Name);
        headers[i++] = new("Core-UUID", Identity.CoreUuid);
        headers[i++] = new("FreeSWITCH-Hostname", Identity.Hostname);
        headers[i++] = new("FreeSWITCH-Switchname", Identity.Switchname);
        headers[i++] = new("FreeSWITCH-IPv4", Identity.IPv4);
        headers[i++] = new("FreeSWITCH-IPv6", Identity.IPv6);
        headers[i++] = new("Event-Date-Local", local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        headers[i++] = new("Event-Date-GMT", now.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture));
        headers[i++] = new("Event-Date-Timestamp", ToMicroseconds(now).ToString(CultureInfo.InvariantCulture));
        headers[i++] = new("Event-Calling-File", b.CallingFile);
        headers[i++] = new("Event-Calling-Function", b.CallingFunction);
        headers[i++] = new("Event-Calling-Line-Number", b.CallingLine.ToString(CultureInfo.InvariantCulture));
        headers[i++] = new("Event-Sequence", sequence.ToString(CultureInfo.InvariantCulture));
        if (b.Subclass is not null)
        {
            headers[i++] = new("Event-Subclass", b.Subclass);
        }
        own.CopyTo(headers, i);
        return headers;
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
