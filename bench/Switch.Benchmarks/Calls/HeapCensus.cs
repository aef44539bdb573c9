using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Switch.Benchmarks.Calls;

/// <summary>
/// A census of the objects reachable from some roots, by type: count and bytes (the runtime's own object
/// sizes). Two censuses subtracted show what a number of calls hold (`calls-memory --census`): a heap dump
/// without a dump tool. Walks fields by reflection, so slow: meant for a few thousand calls. Reflection and
/// type objects are not followed.
/// </summary>
internal sealed class HeapCensus
{
    private static readonly Func<object, nuint>? RawDataSize = CreateRawDataSize();
    private static readonly Dictionary<Type, FieldInfo[]> FieldsByType = [];

    private readonly Dictionary<Type, (long Count, long Bytes)> _byType = [];
    private readonly Dictionary<string, (long Count, long Bytes)> _byOrigin = [];

    public long Objects { get; private set; }

    public long Bytes { get; private set; }

    public static HeapCensus Take(params object?[] roots)
    {
        var census = new HeapCensus();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(object, string)>();
        foreach (var root in roots)
        {
            if (root is not null && seen.Add(root))
            {
                stack.Push((root, "root"));
            }
        }
        while (stack.TryPop(out var item))
        {
            census.Count(item.Item1, item.Item2);
            Visit(item.Item1, seen, stack);
        }
        return census;
    }

    /// <summary>Every object reachable from <paramref name="roots"/> (diagnostics).</summary>
    public static Dictionary<object, string> Reachable(IEnumerable<object>? stop, params object?[] roots)
    {
        var seen = new HashSet<object>(stop ?? [], ReferenceEqualityComparer.Instance);
        var found = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(object, string)>();
        foreach (var root in roots)
        {
            if (root is not null && seen.Add(root))
            {
                stack.Push((root, "root"));
            }
        }
        while (stack.TryPop(out var item))
        {
            found[item.Item1] = item.Item2;
            Visit(item.Item1, seen, stack);
        }
        return found;
    }

    /// <summary>Prints the types whose bytes grew most from <paramref name="baseline"/>, per <paramref name="perUnit"/> (a call).</summary>
    public void PrintGrowth(HeapCensus baseline, int perUnit, int top = 40)
    {
        var rows = new List<(Type Type, double Count, double Bytes)>();
        foreach (var (type, (count, bytes)) in _byType)
        {
            baseline._byType.TryGetValue(type, out var b);
            rows.Add((type, (count - b.Count) / (double)perUnit, (bytes - b.Bytes) / (double)perUnit));
        }
        rows.Sort((x, y) => y.Bytes.CompareTo(x.Bytes));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"census per call: {(Objects - baseline.Objects) / (double)perUnit:N1} objects, {(Bytes - baseline.Bytes) / (double)perUnit:N0} B"));
        for (var i = 0; i < Math.Min(top, rows.Count); i++)
        {
            var (type, count, bytes) = rows[i];
            if (Math.Abs(bytes) < 1)
            {
                break;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes,8:N1} B  {count,6:N2} x  {Name(type)}"));
        }
    }

    /// <summary>Prints where the grown bytes hang (type, and the field of the first object found referring to it).</summary>
    public void PrintOrigins(HeapCensus baseline, int perUnit, int top = 60)
    {
        var rows = new List<(string Origin, double Count, double Bytes)>();
        foreach (var (origin, (count, bytes)) in _byOrigin)
        {
            baseline._byOrigin.TryGetValue(origin, out var b);
            rows.Add((origin, (count - b.Count) / (double)perUnit, (bytes - b.Bytes) / (double)perUnit));
        }
        rows.Sort((x, y) => y.Bytes.CompareTo(x.Bytes));
        for (var i = 0; i < Math.Min(top, rows.Count); i++)
        {
            var (origin, count, bytes) = rows[i];
            if (Math.Abs(bytes) < 4)
            {
                break;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes,8:N1} B  {count,6:N2} x  {origin}"));
        }
    }

    private void Count(object o, string origin)
    {
        var size = SizeOf(o);
        Objects++;
        Bytes += size;
        var type = o.GetType();
        _byType.TryGetValue(type, out var row);
        _byType[type] = (row.Count + 1, row.Bytes + size);
        var key = Name(type) + " <- " + origin;
        _byOrigin.TryGetValue(key, out var o2);
        _byOrigin[key] = (o2.Count + 1, o2.Bytes + size);
    }

    public static long SizeOf(object o)
    {
        if (RawDataSize is { } raw)
        {
            return (long)raw(o) + 2 * IntPtr.Size;
        }
        return o switch
        {
            string s => 22 + 2 * s.Length,
            Array a => 24 + a.LongLength * 8,
            _ => 24,
        };
    }

    private static void Visit(object o, HashSet<object> seen, Stack<(object, string)> stack)
    {
        var type = o.GetType();
        if (type == typeof(string) || IsOpaque(type))
        {
            return;
        }
        if (o is Array array)
        {
            var element = type.GetElementType()!;
            if (element.IsPointer || element.IsPrimitive || element.IsEnum)
            {
                return;
            }
            foreach (var item in array)
            {
                if (item is null)
                {
                    continue;
                }
                if (element.IsValueType)
                {
                    VisitFields(item, item.GetType(), seen, stack, Name(type));
                }
                else
                {
                    Push(item, seen, stack, Name(type));
                }
            }
            return;
        }
        VisitFields(o, type, seen, stack, null);
    }

    private static void VisitFields(object o, Type type, HashSet<object> seen, Stack<(object, string)> stack, string? container)
    {
        foreach (var field in Fields(type))
        {
            var value = field.GetValue(o);
            if (value is null)
            {
                continue;
            }
            if (field.FieldType.IsValueType)
            {
                // A struct inline: its reference fields are this object's.
                VisitFields(value, value.GetType(), seen, stack, container ?? Name(type) + "." + field.Name);
            }
            else
            {
                Push(value, seen, stack, container ?? Name(type) + "." + field.Name);
            }
        }
    }

    private static void Push(object value, HashSet<object> seen, Stack<(object, string)> stack, string origin)
    {
        if (!IsOpaque(value.GetType()) && seen.Add(value))
        {
            stack.Push((value, origin));
        }
    }

    private static bool IsOpaque(Type type) =>
        typeof(MemberInfo).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type)
        || type.IsPointer || type.Namespace?.StartsWith("System.Reflection", StringComparison.Ordinal) == true;

    private static FieldInfo[] Fields(Type type)
    {
        lock (FieldsByType)
        {
            if (FieldsByType.TryGetValue(type, out var fields))
            {
                return fields;
            }
            var list = new List<FieldInfo>();
            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    var ft = f.FieldType;
                    if (ft.IsPointer || ft.IsPrimitive || ft.IsEnum || ft == typeof(IntPtr) || ft == typeof(UIntPtr) || ft.IsByRefLike)
                    {
                        continue;
                    }
                    list.Add(f);
                }
            }
            fields = [.. list];
            FieldsByType[type] = fields;
            return fields;
        }
    }

    private static Func<object, nuint>? CreateRawDataSize()
    {
        var method = typeof(RuntimeHelpers).GetMethod("GetRawObjectDataSize", BindingFlags.Static | BindingFlags.NonPublic);
        return method?.CreateDelegate<Func<object, nuint>>();
    }

    public static string Name(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.IsArray ? Name(type.GetElementType()!) + "[]" : type.Name;
        }
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick > 0 ? name[..tick] : name) + "<" + string.Join(",", type.GetGenericArguments().Select(Name)) + ">";
    }
}
