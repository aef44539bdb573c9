using BenchmarkDotNet.Attributes;
using Switch.Media;

namespace Switch.Benchmarks.Media;

/// <summary>
/// RTP relay over real loopback sockets for <see cref="Calls"/> concurrent bridged G.711 calls, in this process.
/// <see cref="Burst"/>: one packet per call and direction at once, timed until all are delivered (per-packet
/// cost; packets/s = 1 / mean); <see cref="Receive"/> picks the epoll media thread or one async loop per leg.
/// Real-time load (paced, latency percentiles, loss, CPU of the relay alone) is <c>relay-load</c>
/// (<see cref="RelayLoad"/>), which keeps the phones in another process.
/// </summary>
[MemoryDiagnoser]
public class RelayThroughputBenchmarks
{
    private const int CallCount = 1000;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private RelayHarness _harness = null!;
    private long _expected;

    [Params(false, true)]
    public bool Transcode { get; set; }

    [Params("epoll", "async")]
    public string Receive { get; set; } = "epoll";

    public int Calls => CallCount;

    [GlobalSetup]
    public async Task Setup()
    {
        _harness = new RelayHarness(CallCount, Transcode, Receive == "async" ? MediaReceiveMode.Async : MediaReceiveMode.Epoll);
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

    [GlobalCleanup]
    public async Task Cleanup() => await _harness.DisposeAsync();
}
