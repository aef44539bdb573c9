using System.Runtime.CompilerServices;

namespace Switch.EventSocket;

/// <summary>
/// An immutable FreeSWITCH-style event: ordered headers (names may repeat) and an optional body.
/// The headers are taken as they are, without copying: either one list, or several parts (blocks a host may share
/// between many events, such as a channel's caller profile) that read in order as one list. The caller must never
/// mutate them after construction.
/// Each format's complete wire frame (outer <c>Content-Length</c>/<c>Content-Type</c> plus serialized body)
/// is built once on first use and cached, so any number of subscribers share one serialization.
/// </summary>
public sealed class EslEvent
{
    private static readonly Lock[] s_buildLocks = CreateLocks();
    private readonly KeyValuePair<string, string>[]? _headerArray;
    private readonly List<KeyValuePair<string, string>>? _headerList;
    private readonly ReadOnlyMemory<KeyValuePair<string, string>>[]? _parts;
    private readonly ulong _sharedParts;
    private IReadOnlyList<KeyValuePair<string, string>>? _headers;
    private byte[]? _plainFrame;
    private byte[]? _jsonFrame;
    private byte[]? _xmlFrame;
    private long _sequence = -2;
    private int _typeIndex = -2;

    /// <summary>Wraps <paramref name="headers"/> (not copied) and an optional body.</summary>
    public EslEvent(IReadOnlyList<KeyValuePair<string, string>> headers, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers;
        Body = body;
        switch (headers)
        {
            case KeyValuePair<string, string>[] array:
                _headerArray = array;
                break;
            case List<KeyValuePair<string, string>> list:
                _headerList = list;
                break;
            default:
                _headerArray = [.. headers];
                break;
        }
    }

    /// <summary>
    /// Wraps headers given as <paramref name="parts"/> that read in order as one list (neither the array nor the
    /// parts are copied), and an optional body. Lets a host share blocks of headers between events.
    /// </summary>
    public EslEvent(ReadOnlyMemory<KeyValuePair<string, string>>[] parts, string? body = null)
        : this(parts, body, 0)
    {
    }

    /// <summary>
    /// As <see cref="EslEvent(ReadOnlyMemory{KeyValuePair{string, string}}[], string?)"/>; bit i of
    /// <paramref name="sharedParts"/> says that part i is a whole array that other events share and nobody ever
    /// changes (a channel's caller profile block, say), so that its serialized form is kept and reused by every
    /// event that carries the same array.
    /// </summary>
    public EslEvent(ReadOnlyMemory<KeyValuePair<string, string>>[] parts, string? body, ulong sharedParts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _parts = parts;
        Body = body;
        _sharedParts = sharedParts;
    }

    /// <summary>Headers in order; a name may appear more than once. For an event made of parts, one copy made on first use.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers
    {
        get
        {
            var headers = Volatile.Read(ref _headers);
            if (headers is null)
            {
                headers = Flatten(_parts!);
                Volatile.Write(ref _headers, headers);
            }

            return headers;
        }
    }

    /// <summary>How many parts <see cref="GetPart"/> reads (1 unless made of parts).</summary>
    internal int PartCount => _parts?.Length ?? 1;

    /// <summary>Part <paramref name="index"/> of the headers (no interface call per header on the serialization hot path).</summary>
    internal ReadOnlySpan<KeyValuePair<string, string>> GetPart(int index) =>
        _parts is { } parts ? parts[index].Span
        : _headerArray ?? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_headerList);

    /// <summary>
    /// The array of part <paramref name="index"/> when the host said it is shared and immutable and the part is the
    /// whole array (<see cref="EslHeaderBlockCache"/> keeps its serialization), else null.
    /// </summary>
    internal KeyValuePair<string, string>[]? SharedArray(int index)
    {
        if (index >= 64 || (_sharedParts & (1UL << index)) == 0
            || !System.Runtime.InteropServices.MemoryMarshal.TryGetArray(_parts![index], out var segment)
            || segment.Offset != 0 || segment.Count != segment.Array!.Length)
        {
            return null;
        }

        return segment.Array;
    }

    /// <summary>How many headers there are in all parts.</summary>
    internal int HeaderCount
    {
        get
        {
            if (_parts is not { } parts)
            {
                return GetPart(0).Length;
            }

            var count = 0;
            foreach (var part in parts)
            {
                count += part.Length;
            }

            return count;
        }
    }

    /// <summary>The event body (BACKGROUND_JOB output, sendevent body, ...), or null.</summary>
    public string? Body { get; }

    /// <summary>The <c>Event-Name</c> header.</summary>
    public string? EventName => GetHeader(EslHeaderNames.EventName);

    /// <summary>The <c>Event-Subclass</c> header (CUSTOM events).</summary>
    public string? EventSubclass => GetHeader(EslHeaderNames.EventSubclass);

    /// <summary>The <c>Unique-ID</c> header (channel events).</summary>
    public string? UniqueId => GetHeader(EslHeaderNames.UniqueId);

    /// <summary>The <c>Event-Sequence</c> header as a number, or null when absent or not a number.</summary>
    public long? Sequence
    {
        get
        {
            var cached = Volatile.Read(ref _sequence);
            if (cached == -2)
            {
                cached = -1;
                var text = GetHeader(EslHeaderNames.EventSequence);
                if (text is not null && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                {
                    cached = n;
                }

                Volatile.Write(ref _sequence, cached);
            }

            return cached < 0 ? null : cached;
        }
    }

    /// <summary>Index of <see cref="EventName"/> in <see cref="EslEventNames.All"/>, or -1 when unknown (cached).</summary>
    internal int TypeIndex
    {
        get
        {
            var index = Volatile.Read(ref _typeIndex);
            if (index == -2)
            {
                index = EslEventNames.IndexOf(EventName);
                Volatile.Write(ref _typeIndex, index);
            }

            return index;
        }
    }

    /// <summary>Value of the first header named <paramref name="name"/> (case-insensitive, as FS), or null.</summary>
    public string? GetHeader(string name)
    {
        for (var p = 0; p < PartCount; p++)
        {
            foreach (var h in GetPart(p))
            {
                if (string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return h.Value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The complete server→client event frame in <paramref name="format"/>:
    /// <c>Content-Length: N\nContent-Type: text/event-…\n\n</c> followed by the N serialized bytes.
    /// Built lazily once per format (thread-safe) and then shared.
    /// </summary>
    public ReadOnlyMemory<byte> GetFrame(EslEventFormat format)
    {
        ref var slot = ref format == EslEventFormat.Json ? ref _jsonFrame
            : ref format == EslEventFormat.Xml ? ref _xmlFrame : ref _plainFrame;

        var frame = Volatile.Read(ref slot);
        if (frame is not null)
        {
            return frame;
        }

        // Many connection writers reach a new event at the same moment: let exactly one serialize it.
        lock (s_buildLocks[(RuntimeHelpers.GetHashCode(this) & 0x7FFFFFFF) % s_buildLocks.Length])
        {
            frame = Volatile.Read(ref slot);
            if (frame is null)
            {
                frame = EslEventSerializer.BuildFrame(this, format);
                Volatile.Write(ref slot, frame);
            }
        }

        return frame;
    }

    /// <summary>Creates an event from name/value pairs; convenient for tests and small producers.</summary>
    public static EslEvent Create(string? body, params ReadOnlySpan<(string Name, string Value)> headers)
    {
        var list = new KeyValuePair<string, string>[headers.Length];
        for (var i = 0; i < headers.Length; i++)
        {
            list[i] = new KeyValuePair<string, string>(headers[i].Name, headers[i].Value);
        }

        return new EslEvent(list, body);
    }

    private static KeyValuePair<string, string>[] Flatten(ReadOnlyMemory<KeyValuePair<string, string>>[] parts)
    {
        var count = 0;
        foreach (var part in parts)
        {
            count += part.Length;
        }

        var headers = new KeyValuePair<string, string>[count];
        var at = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(headers.AsSpan(at));
            at += part.Length;
        }

        return headers;
    }

    private static Lock[] CreateLocks()
    {
        var locks = new Lock[64];
        for (var i = 0; i < locks.Length; i++)
        {
            locks[i] = new Lock();
        }

        return locks;
    }

    /// <inheritdoc />
    public override string ToString() => $"{EventName ?? "?"} ({HeaderCount} headers{(Body is null ? string.Empty : ", body")})";
}
