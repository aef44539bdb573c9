using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Switch.Benchmarks.Profiling;

/// <summary>
/// `alloc-profile stacks FILE.nettrace [--types N] [--frames N] [--sites N] [--by-site]`: where the sampled allocations of a run were made. Record the
/// run with the runtime's own EventPipe file output (GC keyword, verbose: one GCAllocationTick with its stack about
/// every 100 KB), then list per type the project methods that allocated it:
/// <code>
/// DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath=/tmp/alloc.nettrace \
/// DOTNET_EventPipeConfig='Microsoft-Windows-DotNETRuntime:0x1:5' \
///   dotnet bench/Switch.Benchmarks/bin/Release/net10.0/Switch.Benchmarks.dll alloc-profile calls --count 5000 --no-subscriber
/// dotnet bench/Switch.Benchmarks/bin/Release/net10.0/Switch.Benchmarks.dll alloc-profile stacks /tmp/alloc.nettrace
/// </code>
/// A stack is named by its innermost <c>Switch.</c> frames (the allocating project code, below runtime helpers);
/// --by-site lists the sites of all types together, largest first.
/// </summary>
internal static class AllocationStacks
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: alloc-profile stacks FILE.nettrace [--types N] [--frames N] [--sites N] [--by-site]");
            return 2;
        }

        var types = 12;
        var frames = 3;
        var sites = 8;
        var bySiteOnly = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--by-site":
                    bySiteOnly = true;
                    break;
                case "--types":
                    types = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--frames":
                    frames = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--sites":
                    sites = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
            }
        }

        var etlx = TraceLog.CreateFromEventPipeDataFile(args[0]);
        using var log = new TraceLog(etlx);
        var byType = new Dictionary<string, Dictionary<string, long>>();
        long total = 0;
        foreach (var e in log.Events)
        {
            if (e is not GCAllocationTickTraceData tick)
            {
                continue;
            }

            var amount = tick.AllocationAmount64;
            total += amount;
            var site = Site(e.CallStack(), frames);
            var typeName = bySiteOnly ? "all types" : tick.TypeName;
            if (bySiteOnly)
            {
                site += "  [" + tick.TypeName + "]";
            }

            if (!byType.TryGetValue(typeName, out var sitesOfType))
            {
                byType[typeName] = sitesOfType = [];
            }

            sitesOfType[site] = sitesOfType.GetValueOrDefault(site) + amount;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alloc-profile stacks: {total:N0} sampled bytes"));
        foreach (var (type, bySite) in byType.OrderByDescending(p => p.Value.Values.Sum()).Take(types))
        {
            var typeTotal = bySite.Values.Sum();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{typeTotal / (double)total,7:P1}  {type}"));
            foreach (var (site, bytes) in bySite.OrderByDescending(p => p.Value).Take(sites))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {bytes / (double)total,7:P1}  {site}"));
            }
        }

        return 0;
    }

    private static string Site(TraceCallStack? stack, int frames)
    {
        var names = new List<string>(frames);
        for (var frame = stack; frame is not null && names.Count < frames; frame = frame.Caller)
        {
            var method = frame.CodeAddress.FullMethodName;
            if (method.StartsWith("Switch.", StringComparison.Ordinal))
            {
                var paren = method.IndexOf('(', StringComparison.Ordinal);
                names.Add(paren > 0 ? method[..paren] : method);
            }
        }

        return names.Count == 0 ? "(no project frame)" : string.Join(" < ", names);
    }
}
