using System.Runtime.CompilerServices;

namespace Switch.Events;

/// <summary>
/// Collects an event's own headers before it is published. The bus prepends the standard headers
/// (Event-Name, Core-UUID, dates, Event-Sequence, ...) when it publishes.
/// </summary>
public sealed class SwitchEventBuilder
{
    private readonly List<KeyValuePair<string, string>> _headers = new(48);

    public SwitchEventBuilder(string name, string? subclass = null,
        [CallerFilePath] string callingFile = "", [CallerMemberName] string callingFunction = "",
        [CallerLineNumber] int callingLine = 0)
    {
        Name = name;
        Subclass = subclass;
        CallingFile = Path.GetFileName(callingFile);
        CallingFunction = callingFunction;
        CallingLine = callingLine;
    }

    public string Name { get; }
    public string? Subclass { get; }
    public string CallingFile { get; }
    public string CallingFunction { get; }
    public int CallingLine { get; }
    public string? Body { get; set; }

    /// <summary>The channel the event is about; also emitted by the caller as a Unique-ID header.</summary>
    public string? UniqueId { get; set; }

    internal List<KeyValuePair<string, string>> OwnHeaders => _headers;

    /// <summary>Adds a header; empty or null values are skipped, as FreeSWITCH never stores them.</summary>
    public SwitchEventBuilder Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _headers.Add(new KeyValuePair<string, string>(name, value));
        }
        return this;
    }

    public SwitchEventBuilder Add(string name, long value) =>
        Add(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public SwitchEventBuilder Add(string name, bool value) => Add(name, value ? "true" : "false");
}
