using System.Runtime.CompilerServices;

namespace Switch.Events;

/// <summary>
/// Collects an event's own headers before it is published. The bus prepends the standard headers
/// (Event-Name, Core-UUID, dates, Event-Sequence, ...) when it publishes.
/// </summary>
/// <remarks>
/// Headers are kept as parts, never copied: runs of headers added one at a time (in an array that has room for
/// the standard headers in front, filled in by the bus), and whole blocks added with <see cref="AddBlock"/>,
/// which publishers share between events (a channel's caller profile, its variables) as long as nothing in them
/// changes. A run that outgrows its array continues in a new, larger one instead of being copied.
/// </remarks>
public sealed class SwitchEventBuilder
{
    /// <summary>How many own headers the first array has room for (most events add fewer).</summary>
    private const int FirstRunRoom = 8;

    private readonly string _callingFilePath;
    private KeyValuePair<string, string>[]? _firstRun;
    private KeyValuePair<string, string>[]? _run;
    private int _runStart;
    private int _runEnd;
    private PartBuffer _parts;
    private List<ReadOnlyMemory<KeyValuePair<string, string>>>? _moreParts;
    private int _partCount;
    private bool _published;

    public SwitchEventBuilder(string name, string? subclass = null,
        [CallerFilePath] string callingFile = "", [CallerMemberName] string callingFunction = "",
        [CallerLineNumber] int callingLine = 0)
    {
        Name = name;
        Subclass = subclass;
        _callingFilePath = callingFile;
        CallingFunction = callingFunction;
        CallingLine = callingLine;
    }

    public string Name { get; }
    public string? Subclass { get; }
    public string CallingFile => EventCallingSites.FileName(_callingFilePath);
    public string CallingFunction { get; }
    public int CallingLine { get; }
    public string? Body { get; set; }

    /// <summary>The channel the event is about; also emitted by the caller as a Unique-ID header.</summary>
    public string? UniqueId { get; set; }

    /// <summary>How many standard headers the bus writes in front of the own headers.</summary>
    internal int StandardCount => Subclass is null ? EventBus.StandardHeaderCount : EventBus.StandardHeaderCount + 1;

    /// <summary>The own headers in order, as one new array (for uuid_dump, tests): not for the publishing path.</summary>
    internal KeyValuePair<string, string>[] OwnHeaders
    {
        get
        {
            EnsureFirstRun();
            CloseRun();
            var standard = StandardCount;
            var count = -standard;
            for (var i = 0; i < _partCount; i++)
            {
                count += PartAt(i).Length;
            }
            var own = new KeyValuePair<string, string>[count];
            var at = 0;
            for (var i = 0; i < _partCount; i++)
            {
                var span = PartAt(i).Span[(i == 0 ? standard : 0)..];
                span.CopyTo(own.AsSpan(at));
                at += span.Length;
            }
            return own;
        }
    }

    /// <summary>Adds a header; empty or null values are skipped, as FreeSWITCH never stores them.</summary>
    public SwitchEventBuilder Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            var run = _run;
            if (run is null || _runEnd == run.Length)
            {
                run = NextRun();
            }
            run[_runEnd++] = new KeyValuePair<string, string>(name, value);
        }
        return this;
    }

    public SwitchEventBuilder Add(string name, long value) =>
        Add(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public SwitchEventBuilder Add(string name, bool value) => Add(name, value ? "true" : "false");

    /// <summary>
    /// Appends a block of headers (names with non-empty values) by reference: it must never change afterwards,
    /// as every event it went into reads it.
    /// </summary>
    internal SwitchEventBuilder AddBlock(KeyValuePair<string, string>[] block)
    {
        if (block.Length > 0)
        {
            EnsureFirstRun();
            CloseRun();
            AddPart(block);
        }
        return this;
    }

    /// <summary>
    /// Fills the standard headers in with <paramref name="writeStandard"/> and returns every part in order, as the
    /// event keeps them. A builder published again gets a fresh copy of its first part, so that the event
    /// published before it keeps its own standard headers.
    /// </summary>
    internal ReadOnlyMemory<KeyValuePair<string, string>>[] TakeParts(Span<KeyValuePair<string, string>> standard)
    {
        EnsureFirstRun();
        CloseRun();
        var parts = new ReadOnlyMemory<KeyValuePair<string, string>>[_partCount];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = PartAt(i);
        }
        // The first part starts at index 0 of the first run's array, where the standard headers have their room.
        var firstArray = _firstRun!;
        if (_published)
        {
            firstArray = parts[0].ToArray();
            parts[0] = firstArray;
        }
        _published = true;
        standard.CopyTo(firstArray);
        return parts;
    }

    private ReadOnlyMemory<KeyValuePair<string, string>> PartAt(int index) =>
        index < PartBuffer.Length ? _parts[index] : _moreParts![index - PartBuffer.Length];

    /// <summary>The first run starts with room for the standard headers, which makes it the first part of every event.</summary>
    private void EnsureFirstRun()
    {
        if (_run is null)
        {
            _run = _firstRun = new KeyValuePair<string, string>[StandardCount + FirstRunRoom];
            _runStart = 0;
            _runEnd = StandardCount;
        }
    }

    /// <summary>A full (or missing) run array: the run so far becomes a part, and a new array twice as large continues it.</summary>
    private KeyValuePair<string, string>[] NextRun()
    {
        if (_run is null)
        {
            EnsureFirstRun();
            return _run!;
        }
        var size = _run.Length * 2;
        CloseRun();
        _run = new KeyValuePair<string, string>[size];
        _runStart = 0;
        _runEnd = 0;
        return _run;
    }

    /// <summary>Makes the headers added since the last part a part of their own; the run array goes on after them.</summary>
    private void CloseRun()
    {
        if (_run is { } run && _runEnd > _runStart)
        {
            AddPart(new ReadOnlyMemory<KeyValuePair<string, string>>(run, _runStart, _runEnd - _runStart));
            _runStart = _runEnd;
        }
    }

    private void AddPart(ReadOnlyMemory<KeyValuePair<string, string>> part)
    {
        if (_partCount < PartBuffer.Length)
        {
            _parts[_partCount] = part;
        }
        else
        {
            (_moreParts ??= []).Add(part);
        }
        _partCount++;
    }

    /// <summary>Room for the parts of a channel event (standard and leading, channel, caller, other leg, variables, trailing) inside the builder.</summary>
    [InlineArray(Length)]
    private struct PartBuffer
    {
        public const int Length = 8;
        private ReadOnlyMemory<KeyValuePair<string, string>> _element;
    }
}
