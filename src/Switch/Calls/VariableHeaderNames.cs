using System.Collections.Concurrent;

namespace Switch.Calls;

/// <summary>
/// The event header name of a channel variable ("variable_" + name), made once per variable name for the whole
/// process rather than once per event. Bounded: names past <see cref="MaxNames"/> (a phone sending endless custom
/// headers) are concatenated each time instead of kept.
/// </summary>
internal static class VariableHeaderNames
{
    public const string Prefix = "variable_";

    private const int MaxNames = 4096;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static int s_count;

    public static string Of(string name)
    {
        if (Names.TryGetValue(name, out var header))
        {
            return header;
        }
        header = string.Concat(Prefix, name);
        if (Volatile.Read(ref s_count) < MaxNames && Names.TryAdd(name, header))
        {
            Interlocked.Increment(ref s_count);
        }
        return header;
    }
}
