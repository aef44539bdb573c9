using System.Collections.Concurrent;

namespace Switch.Calls.Sip;

/// <summary>
/// Header values that repeat from call to call (the domain in From, To and the Request-URI, a phone model's
/// User-Agent): one string per distinct value, kept by every channel that has it. Bounded: the first
/// <see cref="Capacity"/> distinct values are kept (each at most <see cref="MaxLength"/> characters), later
/// new ones are simply not shared, so hostile input costs a fixed amount at most.
/// </summary>
internal sealed class SharedValues
{
    public const int Capacity = 4096;
    public const int MaxLength = 256;

    private readonly ConcurrentDictionary<string, string> _values;
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byText;
    private int _count;

    public SharedValues()
    {
        _values = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        _byText = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The kept string equal to <paramref name="value"/>, or <paramref name="value"/> (kept when there is room).</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public string? Share(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return value;
        }
        if (_values.TryGetValue(value, out var shared))
        {
            return shared;
        }
        if (Volatile.Read(ref _count) < Capacity && _values.TryAdd(value, value))
        {
            Interlocked.Increment(ref _count);
        }
        return _values.TryGetValue(value, out shared) ? shared : value;
    }

    /// <summary>As <see cref="Share(string?)"/> for text in a buffer: a string is made only for a value not kept yet.</summary>
    public string Share(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }
        return value.Length <= MaxLength && _byText.TryGetValue(value, out var shared) ? shared : Share(value.ToString());
    }

    /// <summary>Distinct values kept (diagnostics).</summary>
    public int Count => Volatile.Read(ref _count);
}
