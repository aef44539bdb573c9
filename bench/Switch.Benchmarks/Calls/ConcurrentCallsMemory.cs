using System.Diagnostics;
using System.Globalization;
using Switch.Calls;

namespace Switch.Benchmarks.Calls;

/// <summary>
/// `calls-memory`: holds N bridged bypass_media calls at once in one process (real SIP layers, in-memory
/// network, stepped clock) and reports the managed memory they hold: at the peak of setup (RFC 3261
/// transactions still lingering), in the steady state of a long call (the clock moved 64 s: every
/// transaction gone), and after hanging them all up (nothing should remain: further rounds of the same calls
/// show that what is left after the first is capacity the tables grew to, not calls; exit code 1 when more
/// than 1 KB per call is left).
/// With --census, what the calls hold is also listed by type (a reflection walk from the rig: use a few thousand calls).
/// <code>dotnet run -c Release --project bench/Switch.Benchmarks -- calls-memory [--calls 50000] [--batch 1000] [--counting-subscriber] [--rounds 2] [--hold] [--census]</code>
/// </summary>
internal static class ConcurrentCallsMemory
{
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(64);

    /// <summary>What may stay per call after every round is hung up (table capacity) before the run fails as a leak.</summary>
    private const int LeakLimitPerCall = 1_024;

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = 50_000;
        var batch = 1_000;
        var counting = false;
        var hold = false;
        var census = false;
        var rounds = 2;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--calls" when i + 1 < args.Length:
                    calls = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--batch" when i + 1 < args.Length:
                    batch = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--counting-subscriber":
                    counting = true;
                    break;
                case "--hold":
                    hold = true;
                    break;
                case "--census":
                    census = true;
                    break;
                case "--rounds" when i + 1 < args.Length:
                    rounds = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                default:
                    Console.Error.WriteLine("usage: calls-memory [--calls N] [--batch N] [--counting-subscriber] [--rounds 2] [--hold] [--census]");
                    return 2;
            }
        }

        await using var rig = new BridgedCallsRig(counting);
        await rig.RegisterCalleeAsync();
        var uuids = new string[calls];
        var bridges = new Task[calls];

        // Warm-up: JIT, static caches, pools and the registries' first growth are not per-call memory.
        var warmUp = Math.Min(calls, 2_000);
        await rig.SetUpAsync(warmUp, uuids, bridges, batch);
        await rig.AdvanceAsync(Linger);
        await rig.HangUpAsync(uuids, bridges, warmUp, batch);
        await rig.AdvanceAsync(Linger);
        Array.Clear(uuids);
        Array.Clear(bridges);

        var baseline = Measure();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calls-memory: {calls:N0} bridged bypass_media calls, batches of {batch:N0}, subscriber: {(counting ? "counting" : "none")}, {Environment.ProcessorCount} cpus, server GC {System.Runtime.GCSettings.IsServerGC}"));
        Report("baseline (switch idle)", baseline, baseline, calls, rig);
        var baselineCensus = census ? HeapCensus.Take(rig) : null;
        var baselineObjects = census ? HeapCensus.Reachable(null, rig).Keys.ToArray() : null;

        var watch = Stopwatch.StartNew();
        await rig.SetUpAsync(calls, uuids, bridges, batch);
        var setUp = watch.Elapsed;
        var peak = Measure();
        Report("peak: all answered and bridged", peak, baseline, calls, rig);
        if (baselineCensus is not null)
        {
            PrintCensus(rig, baselineCensus, baselineObjects!, calls);
        }

        await rig.AdvanceAsync(Linger);
        var steady = Measure();
        Report("steady: +64 s, transactions gone", steady, baseline, calls, rig);
        if (baselineCensus is not null)
        {
            PrintCensus(rig, baselineCensus, baselineObjects!, calls);
        }
        if (hold)
        {
            // For a heap dump of the steady state (e.g. createdump --full <pid>).
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"holding the calls in process {Environment.ProcessId}: press Enter to hang up"));
            await Console.In.ReadLineAsync();
        }

        watch.Restart();
        await rig.HangUpAsync(uuids, bridges, calls, batch);
        var hangup = watch.Elapsed;
        await rig.AdvanceAsync(Linger);
        Array.Clear(uuids);
        Array.Clear(bridges);
        var after = Measure();
        Report("after hangup: +64 s", after, baseline, calls, rig);

        // The same calls again: what stays after the first round is the tables' grown capacity, not calls.
        for (var round = 2; round <= rounds; round++)
        {
            await rig.SetUpAsync(calls, uuids, bridges, batch);
            await rig.AdvanceAsync(Linger);
            await rig.HangUpAsync(uuids, bridges, calls, batch);
            await rig.AdvanceAsync(Linger);
            Array.Clear(uuids);
            Array.Clear(bridges);
            Report(string.Create(CultureInfo.InvariantCulture, $"after round {round}: +64 s"), Measure(), baseline, calls, rig);
        }
        var last = Measure();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"set-up {setUp.TotalSeconds:F1} s ({calls / setUp.TotalSeconds:N0} calls/s), hang-up {hangup.TotalSeconds:F1} s, messages {rig.Network.Delivered:N0}, events {rig.Events:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per bridged call: peak {(peak.Live - baseline.Live) / (double)calls:N0} B, steady {(steady.Live - baseline.Live) / (double)calls:N0} B; left after hangup {after.Live - baseline.Live:N0} B, after {rounds} rounds {last.Live - baseline.Live:N0} B"));
        // Calls that did not go away would hold kilobytes each; grown tables hold a few hundred bytes per call of peak.
        if (last.Live - baseline.Live > calls * (long)LeakLimitPerCall)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"LEAK: more than {LeakLimitPerCall} B per call left after hangup"));
            return 1;
        }
        return 0;
    }

    /// <summary>What the calls hold by type and by referring field, then every object of one call that the next call does not share.</summary>
    private static void PrintCensus(BridgedCallsRig rig, HeapCensus baseline, object[] baselineObjects, int calls)
    {
        var taken = HeapCensus.Take(rig);
        taken.PrintGrowth(baseline, calls);
        taken.PrintOrigins(baseline, calls);
        var inbound = new List<Channel>(2);
        foreach (var channel in rig.Engine.Registry.Snapshot())
        {
            if (channel.Direction == CallDirection.Inbound && channel.BridgedTo is not null && inbound.Count < 2)
            {
                inbound.Add(channel);
            }
        }
        if (inbound.Count < 2)
        {
            return;
        }
        static object?[] Roots(Channel c) => [c, c.BridgedTo, c.Call];
        var next = HeapCensus.Reachable(baselineObjects, Roots(inbound[1]));
        long total = 0;
        Console.WriteLine("one call's own objects:");
        foreach (var (o, origin) in HeapCensus.Reachable(baselineObjects, Roots(inbound[0])))
        {
            if (next.ContainsKey(o))
            {
                continue;
            }
            var size = HeapCensus.SizeOf(o);
            total += size;
            var text = o is string s ? s.Length > 40 ? s[..40].ReplaceLineEndings(" ") + "..." : s : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {size,5} B  {HeapCensus.Name(o.GetType())} <- {origin}  {text}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {total,5} B  in all (without registry entries)"));
    }

    private static Sample Measure()
    {
        var live = GC.GetTotalMemory(forceFullCollection: true);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        live = Math.Min(live, GC.GetTotalMemory(forceFullCollection: true));
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return new Sample(live, info.HeapSizeBytes, info.FragmentedBytes);
    }

    private static void Report(string stage, Sample sample, Sample baseline, int calls, BridgedCallsRig rig)
    {
        var delta = sample.Live - baseline.Live;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stage,-36} live {sample.Live / 1048576.0,8:N1} MB  (+{delta / 1048576.0,7:N1} MB = {delta / (double)calls,7:N0} B/call)  heap {sample.Heap / 1048576.0,8:N1} MB (free {sample.Fragmented / 1048576.0,5:N1} MB)  channels {rig.Engine.ChannelCount,7:N0}  sip legs {rig.B2bua.LegCount,7:N0}  transactions {rig.Layer.ServerTransactionCount + rig.Layer.ClientTransactionCount,7:N0}  timers {rig.Clock.ArmedTimers,7:N0}"));
    }

    private readonly record struct Sample(long Live, long Heap, long Fragmented);
}
