using System.Diagnostics.Tracing;
using System.Globalization;
using Switch.Benchmarks.Calls;
using Switch.Benchmarks.Registrar;

namespace Switch.Benchmarks.Profiling;

/// <summary>
/// `alloc-profile register|calls [--count N] [--no-subscriber]` (or `alloc-profile stacks FILE.nettrace`, see
/// <see cref="AllocationStacks"/>): runs registration cycles or bridged calls in process and lists
/// which types the allocations were, from the runtime's allocation sampling (one GCAllocationTick event about
/// every 100 KB allocated, attributed to the type that crossed the mark), with the allocated bytes per
/// registration or call (calls: with a subscriber to every event, as an ESL client on ALL, unless
/// --no-subscriber). Shows where to cut garbage; BenchmarkDotNet's MemoryDiagnoser gives the exact totals.
/// <code>dotnet bench/Switch.Benchmarks/bin/Release/net10.0/Switch.Benchmarks.dll alloc-profile register --count 200000</code>
/// </summary>
internal static class AllocationProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var what = args.Length > 0 ? args[0] : "register";
        if (what == "stacks")
        {
            return AllocationStacks.Run(args[1..]);
        }

        var count = what == "calls" ? 20_000 : 200_000;
        var subscriber = true;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--count" && i + 1 < args.Length)
            {
                count = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--no-subscriber")
            {
                subscriber = false;
            }
        }

        Func<int, Task> run;
        IAsyncDisposable? owner = null;
        switch (what)
        {
            case "register":
                var cycle = new RegisterCycleBenchmarks();
                cycle.Setup();
                run = n =>
                {
                    for (var i = 0; i < n; i++)
                    {
                        _ = cycle.RegisterWithChallenge();
                    }
                    return Task.CompletedTask;
                };
                break;
            case "calls":
                var rig = new BridgedCallsRig(countingSubscriber: subscriber);
                await rig.RegisterCalleeAsync();
                owner = rig;
                run = async n =>
                {
                    const int Batch = 1_000;
                    for (var done = 0; done < n; done += Batch)
                    {
                        var uuids = new string[Batch];
                        var bridges = new Task[Batch];
                        await rig.SetUpAsync(Batch, uuids, bridges, Batch);
                        await rig.AdvanceAsync(TimeSpan.FromSeconds(64));
                        await rig.HangUpAsync(uuids, bridges, Batch, Batch);
                        await rig.AdvanceAsync(TimeSpan.FromSeconds(64));
                    }
                };
                break;
            default:
                Console.Error.WriteLine("usage: alloc-profile register|calls [--count N] [--no-subscriber] | alloc-profile stacks FILE.nettrace");
                return 2;
        }

        await run(Math.Max(1, count / 10));
        using var listener = new AllocationListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await run(count);
        var total = GC.GetTotalAllocatedBytes(precise: true) - before;
        listener.Dispose();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"alloc-profile {what}: {count:N0} runs, {total / (double)count:N0} B allocated per run (all threads), {listener.Samples:N0} samples"));
        var sampled = listener.Bytes.Values.Sum();
        foreach (var (type, bytes) in listener.Bytes.OrderByDescending(p => p.Value).Take(40))
        {
            var share = bytes / (double)sampled;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{share,7:P1}  {share * total / count,8:N0} B/run  {type}"));
        }
        if (owner is not null)
        {
            await owner.DisposeAsync();
        }
        return 0;
    }

    private sealed class AllocationListener : EventListener
    {
        private readonly Lock _gate = new();

        public Dictionary<string, long> Bytes { get; } = [];

        public long Samples { get; private set; }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
            {
                return;
            }
            var type = e.PayloadNames is { } names ? e.Payload[names.IndexOf("TypeName")] as string ?? "?" : "?";
            var amount = e.PayloadNames is { } n2 ? Convert.ToInt64(e.Payload[n2.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture) : 0;
            lock (_gate)
            {
                Samples++;
                Bytes[type] = Bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}
