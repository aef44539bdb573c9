using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace Switch.Benchmarks.Media;

/// <summary>
/// RTP relay over real loopback sockets for <see cref="Calls"/> concurrent bridged G.711 calls.
/// <see cref="Burst"/>: one packet per call and direction at once, timed until all are delivered (per-packet
/// cost; packets/s = 1 / mean). <see cref="PacedSecond"/>: a second of real-time traffic, 50 packets/s per call
/// and direction (1,000 calls = 100,000 packets/s) spread over each 20 ms, reporting delivery, latency percentiles and CPU used.
/// </summary>
[MemoryDiagnoser]
public class RelayThroughputBenchmarks
{
    private const int CallCount = 1000;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private RelayHarness _harness = null!;
    private long _expected;
    private readonly List<string> _report = [];

    [Params(false, true)]
    public bool Transcode { get; set; }

    public int Calls => CallCount;

    [GlobalSetup]
    public async Task Setup()
    {
        _harness = new RelayHarness(CallCount, Transcode);
        _harness.SendRound();
        _expected = 2L * CallCount;
        await _harness.WhenReceived(_expected).WaitAsync(s_timeout);
    }

    [Benchmark(OperationsPerInvoke = 2 * CallCount)]
    public async Task Burst()
    {
        _expected += 2L * CallCount;
        var done = _harness.WhenReceived(_expected);
        _harness.SendRound();
        await done.WaitAsync(s_timeout);
    }

    /// <summary>The harness alone (phone to phone, no switch): subtract from <see cref="Burst"/> for the switch's share.</summary>
    [Benchmark(OperationsPerInvoke = 2 * CallCount)]
    public async Task DirectBurst()
    {
        _expected += 2L * CallCount;
        var done = _harness.WhenReceived(_expected);
        _harness.SendDirectRound();
        await done.WaitAsync(s_timeout);
    }

    [Benchmark(OperationsPerInvoke = 100 * CallCount)]
    public async Task PacedSecond()
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var before = _harness.Received;
        _harness.ResetLatencies();
        // Real phones are not synchronised: spread each 20 ms round over ten 2 ms slices, catching up when late.
        for (var slice = 0; slice < 500;)
        {
            var due = Math.Min(500, (int)(Stopwatch.GetElapsedTime(start).TotalMilliseconds / 2) + 1);
            for (; slice < due; slice++)
            {
                _harness.SendSlice(slice % 10, 10);
            }

            await Task.Delay(1);
        }

        _expected = before + (100L * CallCount);
        await Task.WhenAny(_harness.WhenReceived(_expected), Task.Delay(TimeSpan.FromSeconds(2)));
        var delivered = _harness.Received - before;
        _expected = _harness.Received;
        var elapsed = Stopwatch.GetElapsedTime(start);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var (p50, p99, max, samples) = _harness.Percentiles();
        _report.Add(
            $"calls={CallCount} transcode={Transcode}: delivered {delivered}/{100L * CallCount} in {elapsed.TotalSeconds:F2}s " +
            $"({delivered / elapsed.TotalSeconds:F0} pkt/s), latency p50={p50:F0}us p99={p99:F0}us max={max:F0}us over {samples}, " +
            $"process CPU {cpu.TotalSeconds / elapsed.TotalSeconds:F2} cores (switch + harness)");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var line in _report)
        {
            Console.WriteLine("// RELAY " + line);
        }

        await _harness.DisposeAsync();
    }
}
