using System.Collections.Concurrent;
using System.Globalization;

namespace Switch.Events;

/// <summary>
/// The Event-Calling-File and Event-Calling-Line-Number texts, made once per call site instead of once per
/// event: caller file paths are compile-time constants, so the file name is looked up by the path's reference.
/// </summary>
internal static class EventCallingSites
{
    /// <summary>Bounds the tables against paths and lines that are not compile-time constants.</summary>
    private const int MaxFiles = 1024;
    private const int MaxLine = 8192;

    private static readonly ConcurrentDictionary<string, string> FileNames = new(ReferenceEqualityComparer.Instance);
    private static readonly string?[] Lines = new string?[MaxLine];

    /// <summary>The file name of a caller file path (Path.GetFileName), cached per path.</summary>
    public static string FileName(string path)
    {
        if (FileNames.TryGetValue(path, out var name))
        {
            return name;
        }
        name = Path.GetFileName(path);
        if (FileNames.Count < MaxFiles)
        {
            FileNames.TryAdd(path, name);
        }
        return name;
    }

    /// <summary>A line number as text, cached for the lines a source file has.</summary>
    public static string Line(int line)
    {
        if ((uint)line >= MaxLine)
        {
            return line.ToString(CultureInfo.InvariantCulture);
        }
        return Lines[line] ??= line.ToString(CultureInfo.InvariantCulture);
    }
}
