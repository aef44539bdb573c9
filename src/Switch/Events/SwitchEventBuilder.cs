using System.Runtime.CompilerServices;

namespace Switch.Events;

/// <summary>
/// Collects an event's own headers before it is published. The bus prepends the standard headers
/// (Event-Name, Core-UUID, dates, Event-Sequence, ...) when it publishes.
/// </summary>
/// <remarks>
/// Headers are kept as parts, never copied: the bus's head block (Event-Name and the switch's identity, one per
/// event name), runs of headers added one at a time (in an array that has room for the other standard headers in
/// front, filled in by the bus), and whole blocks added with <see cref="AddBlock"/>,
/// which publishers share between events (a channel's caller profile, its variables) as long as nothing in them
/// changes. A run that outgrows its array continues in a new, larger one instead of being copied. The array of
/// parts goes to the event as it is when the publisher said how many parts to expect (<see cref="ReserveParts"/>).
/// </remarks>
public sealed class SwitchEventBuilder
{
    /// <summary>How many own headers the first array has room for unless the publisher says otherwise (a registration event has 16 or 17).</summary>
    private const int DefaultOwnRoom = 16;

    private readonly string _callingFilePath;
    private readonly int _ownRoom;
    private KeyValuePair<string, string>[]? _firstRun;
    private KeyValuePair<string, string>[]? _run;
    private int _runStart;
    private int _runEnd;
    private ReadOnlyMemory<KeyValuePair<string, string>>[]? _parts;
    private int _partCount;
    private ulong _sharedParts;
    private bool _partsGiven;
    private bool _published;

    public SwitchEventBuilder(string name, string? subclass = null,
        [CallerFilePath] string callingFile = "", [CallerMemberName] string callingFunction = "",
        [CallerLineNumber] int callingLine = 0)
        : this(name, subclass, DefaultOwnRoom, callingFile, callingFunction, callingLine)
    {
    }

    /// <summary>A builder whose first array has room for <paramref name="ownRoom"/> own headers (more still fit).</summary>
    internal SwitchEventBuilder(string name, string? subclass, int ownRoom, string callingFile, string callingFunction, int callingLine)
    {
        Name = name;
        Subclass = subclass;
        _ownRoom = Math.Max(ownRoom, 0);
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

    /// <summary>How many standard headers the bus writes in front of the own headers (those after its head block).</summary>
    internal int StandardCount => Subclass is null ? EventBus.StampedHeaderCount : EventBus.StampedHeaderCount + 1;

    /// <summary>The own headers in order, as one new array (for uuid_dump, tests): not for the publishing path.</summary>
    internal KeyValuePair<string, string>[] OwnHeaders
    {
        get
        {
            CloseRun();
            var standard = StandardCount;
            var count = -standard;
            for (var i = 1; i < _partCount; i++)
            {
                count += _parts![i].Length;
            }
            var own = new KeyValuePair<string, string>[count];
            var at = 0;
            for (var i = 1; i < _partCount; i++)
            {
                var span = _parts![i].Span[(i == 1 ? standard : 0)..];
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
            CloseRun();
            if (_partCount < 64)
            {
                _sharedParts |= 1UL << _partCount;
            }
            AddPart(block);
        }
        return this;
    }

    /// <summary>
    /// Says that <paramref name="more"/> parts will follow the headers so far (blocks, and a run of own headers
    /// after them), so that the array of parts is made once at its final size and handed to the event as it is.
    /// </summary>
    internal void ReserveParts(int more)
    {
        EnsureFirstRun();
        var need = _partCount + (_runEnd > _runStart ? 1 : 0) + more;
        if (_parts is null || _parts.Length < need || _partsGiven)
        {
            var parts = new ReadOnlyMemory<KeyValuePair<string, string>>[need];
            _parts?.AsSpan(0, _partCount).CopyTo(parts);
            _parts = parts;
            _partsGiven = false;
        }
    }

    /// <summary>Bit i set: part i is the head block or a block added with <see cref="AddBlock"/> (shared with other events, never changed).</summary>
    internal ulong SharedParts => _sharedParts | 1;

    /// <summary>
    /// Puts <paramref name="head"/> first, copies <paramref name="standard"/> into the room kept for the other
    /// standard headers and returns every part in order, as the event keeps them. A builder published again gets a
    /// fresh copy of its first run, so that the event published before it keeps its own standard headers.
    /// </summary>
    internal ReadOnlyMemory<KeyValuePair<string, string>>[] TakeParts(KeyValuePair<string, string>[] head,
        ReadOnlySpan<KeyValuePair<string, string>> standard)
    {
        CloseRun();
        var parts = _parts!;
        if (parts.Length != _partCount)
        {
            parts = parts.AsSpan(0, _partCount).ToArray();
        }
        // The first run is part 1 and starts at index 0 of its array, where the standard headers have their room.
        var firstArray = _firstRun!;
        if (_published)
        {
            if (ReferenceEquals(parts, _parts))
            {
                parts = (ReadOnlyMemory<KeyValuePair<string, string>>[])parts.Clone();
            }
            firstArray = parts[1].ToArray();
            parts[1] = firstArray;
        }
        _published = true;
        _partsGiven |= ReferenceEquals(parts, _parts);
        parts[0] = head;
        standard.CopyTo(firstArray);
        return parts;
    }

    /// <summary>
    /// The first run starts with room for the standard headers the bus stamps, which makes it part 1 of every event
    /// (part 0 is kept for the bus's head block).
    /// </summary>
    private void EnsureFirstRun()
    {
        if (_run is null)
        {
            _run = _firstRun = new KeyValuePair<string, string>[StandardCount + _ownRoom];
            _runStart = 0;
            _runEnd = StandardCount;
            _partCount = 1;
        }
    }

    /// <summary>A full (or missing) run array: the run so far becomes a part, and a new array twice as large continues it.</summary>
    private KeyValuePair<string, string>[] NextRun()
    {
        if (_run is null)
        {
            EnsureFirstRun();
            if (_runEnd < _run!.Length)
            {
                return _run;
            }
        }
        // The first run's room is what the publisher expected; past it, runs of 16, 32, ... headers.
        var size = ReferenceEquals(_run, _firstRun) ? DefaultOwnRoom : _run!.Length * 2;
        CloseRun();
        _run = new KeyValuePair<string, string>[size];
        _runStart = 0;
        _runEnd = 0;
        return _run;
    }

    /// <summary>Makes the headers added since the last part a part of their own; the run array goes on after them.</summary>
    private void CloseRun()
    {
        EnsureFirstRun();
        if (_runEnd > _runStart)
        {
            AddPart(new ReadOnlyMemory<KeyValuePair<string, string>>(_run, _runStart, _runEnd - _runStart));
            _runStart = _runEnd;
        }
    }

    private void AddPart(ReadOnlyMemory<KeyValuePair<string, string>> part)
    {
        if (_parts is null || _partCount == _parts.Length || _partsGiven)
        {
            var parts = new ReadOnlyMemory<KeyValuePair<string, string>>[Math.Max(_partCount + 1, (_parts?.Length ?? 0) * 2)];
            _parts?.AsSpan(0, _partCount).CopyTo(parts);
            _parts = parts;
            _partsGiven = false;
        }
        _parts[_partCount++] = part;
    }
}
