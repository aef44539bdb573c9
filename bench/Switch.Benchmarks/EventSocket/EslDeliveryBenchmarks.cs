using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.EventSocket;

namespace Switch.Benchmarks.EventSocket;

/// <summary>
/// Events per second delivered over loopback TCP from the server to N subscribed clients. One operation is
/// one published event; each invocation publishes <see cref="Batch"/> fresh events and waits until every
/// subscriber has received all of them (so zero loss is checked on every run). Delivered events/s =
/// Subscribers / mean time per operation.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class EslDeliveryBenchmarks
{
    private const int Batch = 40_000;
    private readonly List<CountingSubscriber> _subscribers = [];
    private BenchSwitch _switch = null!;
    private EslServer _server = null!;
    private EslEvent[] _events = [];
    private long _sequence;
    private long _expected;

    [Params(1, 10, 50)]
    public int Subscribers { get; set; }

    [Params("plain", "json")]
    public string Format { get; set; } = "plain";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _switch = new BenchSwitch();
        _server = new EslServer(new EslServerOptions { Port = 0, MaxQueuedEvents = 100_000 }, _switch, _switch, loggerFactory: NullLoggerFactory.Instance);
        await _server.StartAsync(CancellationToken.None);
        for (var i = 0; i < Subscribers; i++)
        {
            _subscribers.Add(await CountingSubscriber.ConnectAsync(_server.LocalEndPoint!, Format));
        }
    }

    [IterationSetup]
    public void CreateEvents()
    {
        _events = new EslEvent[Batch];
        for (var i = 0; i < Batch; i++)
        {
            _events[i] = BenchEvents.ChannelState(++_sequence);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void PublishAndDeliver()
    {
        foreach (var evt in _events)
        {
            _switch.Publish(evt);
        }

        _expected += Batch;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var subscriber in _subscribers)
        {
            var spinner = default(SpinWait);
            while (subscriber.Events < _expected)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Subscriber got {subscriber.Events} of {_expected} events (lost or stalled).");
                }

                spinner.SpinOnce(sleep1Threshold: -1);
            }

            if (subscriber.Events != _expected)
            {
                throw new InvalidOperationException($"Subscriber got {subscriber.Events}, expected {_expected}.");
            }
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var subscriber in _subscribers)
        {
            await subscriber.DisposeAsync();
        }

        _subscribers.Clear();
        await _server.DisposeAsync();
    }
}
