using System.Globalization;
using Switch.EventSocket;

namespace Switch.Client;

/// <summary>
/// An event received from the switch: the raw header set of <see cref="EslEvent"/> with convenient accessors.
/// Common events arrive as a typed view deriving from this class (<see cref="ChannelPark"/>, <see cref="ChannelHangup"/>,
/// <see cref="BackgroundJob"/>, <see cref="Registration"/>, …), so a controller can <c>switch</c> on the type.
/// Every view reads the same headers; nothing is copied or dropped.
/// </summary>
public class EventMessage
{
    private const int IndexThreshold = 12;
    private Dictionary<string, string>? _index;

    /// <summary>Wraps <paramref name="raw"/>; use <see cref="Create"/> to get the typed view.</summary>
    protected internal EventMessage(EslEvent raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        Raw = raw;
        Name = raw.EventName ?? string.Empty;
    }

    /// <summary>The codec's event (ordered headers, body).</summary>
    public EslEvent Raw { get; }

    /// <summary><c>Event-Name</c>, e.g. <c>CHANNEL_ANSWER</c>.</summary>
    public string Name { get; }

    /// <summary><c>Event-Subclass</c> of CUSTOM events, e.g. <c>sofia::register</c>.</summary>
    public string? Subclass => this["Event-Subclass"];

    /// <summary>Headers in wire order (values decoded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => Raw.Headers;

    /// <summary>The event body (BACKGROUND_JOB output, …), or null.</summary>
    public string? Body => Raw.Body;

    /// <summary><c>Event-Sequence</c>: the switch's process-wide event counter.</summary>
    public long? Sequence => Raw.Sequence;

    /// <summary><c>Core-UUID</c>: identifies the switch process (changes on restart).</summary>
    public string? CoreUuid => this["Core-UUID"];

    /// <summary><c>Unique-ID</c> of the channel the event is about, when it is about one.</summary>
    public string? UniqueId => this["Unique-ID"];

    /// <summary><c>Event-Date-Timestamp</c> (microseconds since the epoch) as a time, or null.</summary>
    public DateTimeOffset? Timestamp =>
        long.TryParse(this["Event-Date-Timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var us) && us < DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() * 1000
            ? DateTimeOffset.FromUnixTimeMilliseconds(us / 1000)
            : null;

    /// <summary>First header named <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? this[string name] => GetHeader(name);

    /// <summary>First header named <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? GetHeader(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var headers = Raw.Headers;
        if (headers.Count <= IndexThreshold)
        {
            return Raw.GetHeader(name);
        }

        var index = Volatile.Read(ref _index);
        if (index is null)
        {
            index = new Dictionary<string, string>(headers.Count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Count; i++)
            {
                index.TryAdd(headers[i].Key, headers[i].Value);
            }

            Volatile.Write(ref _index, index);
        }

        return index.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>Channel variable <paramref name="name"/> as carried by the event (<c>variable_&lt;name&gt;</c>), or null.</summary>
    public string? GetVariable(string name) => GetHeader("variable_" + name);

    /// <summary>Wraps a received event in its typed view (by <c>Event-Name</c> and, for CUSTOM, subclass).</summary>
    public static EventMessage Create(EslEvent raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw.EventName switch
        {
            EventNames.ChannelCreate => new ChannelCreate(raw),
            EventNames.ChannelPark => new ChannelPark(raw),
            EventNames.ChannelAnswer => new ChannelAnswer(raw),
            EventNames.ChannelBridge => new ChannelBridge(raw),
            EventNames.ChannelUnbridge => new ChannelUnbridge(raw),
            EventNames.ChannelHangup => new ChannelHangup(raw),
            EventNames.ChannelHangupComplete => new ChannelHangupComplete(raw),
            EventNames.ChannelExecuteComplete => new ChannelExecuteComplete(raw),
            EventNames.Dtmf => new Dtmf(raw),
            EventNames.BackgroundJob => new BackgroundJob(raw),
            EventNames.Custom when Registration.IsRegistrationSubclass(raw.EventSubclass) => new Registration(raw),
            { } name when name.StartsWith("CHANNEL_", StringComparison.Ordinal) => new ChannelEvent(raw),
            _ => new EventMessage(raw),
        };
    }

    /// <inheritdoc />
    public override string ToString() => Subclass is { } sub ? $"{Name} {sub}" : UniqueId is { } id ? $"{Name} {id}" : Name;
}
