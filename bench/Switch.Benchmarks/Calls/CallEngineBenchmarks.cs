using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Calls;
using Switch.Events;

namespace Switch.Benchmarks.Calls;

/// <summary>
/// Whole calls through the engine with null signaling and one event subscriber (as an ESL connection would
/// be): an inbound call parked, answered and hung up (≈20 events), and a parked call bridged to a b-leg
/// that answers at once, then hung up (≈50 events). Measures the actor, event building and publishing.
/// </summary>
[MemoryDiagnoser]
public class CallEngineBenchmarks
{
    private CallEngine _engine = null!;
    private TaskCompletionSource? _destroyed;
    private string? _waitFor;
    private long _events;

    [GlobalSetup]
    public void Setup()
    {
        var bus = new EventBus(new SwitchIdentity(Guid.NewGuid().ToString(), "bench", "bench", "127.0.0.1", "::1"), TimeProvider.System);
        bus.Subscribe(e =>
        {
            _events++;
            if (e.Name == "CHANNEL_DESTROY" && e.UniqueId == _waitFor)
            {
                _destroyed?.TrySetResult();
            }
        });
        CallEngine? engine = null;
        _engine = new CallEngine(bus, _ => new AnsweringDialer(() => engine!), new CallEngineOptions(), TimeProvider.System,
            NullLogger<CallEngine>.Instance);
        engine = _engine;
    }

    [Benchmark(Description = "inbound: park, answer, hang up")]
    public async Task ParkAnswerHangup()
    {
        var uuid = _engine.AcceptInbound(Inbound(), NullSignaling.Instance)!;
        Arm(uuid);
        await _engine.AnswerAsync(uuid);
        await _engine.HangupAsync(uuid, HangupCause.NormalClearing);
        await _destroyed!.Task;
    }

    [Benchmark(Description = "inbound + bridge to an answering b-leg, hang up")]
    public async Task BridgeAndHangup()
    {
        var uuid = _engine.AcceptInbound(Inbound(), NullSignaling.Instance)!;
        var bridge = _engine.ExecuteApplicationAsync(uuid, "bridge", "user/1001", null).AsTask();
        while (await _engine.BridgedPeerAsync(uuid) is null)
        {
            await Task.Yield();
        }
        Arm(uuid);
        await _engine.HangupAsync(uuid, HangupCause.NormalClearing);
        await bridge;
        await _destroyed!.Task;
    }

    private void Arm(string uuid)
    {
        _waitFor = uuid;
        _destroyed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static InboundCall Inbound() =>
        new("sofia/internal/1000@192.0.2.10", "Alice", "1000", "5000", "192.0.2.55", "1000",
            [new("sip_from_user", "1000"), new("sip_to_user", "5000"), new("sip_call_id", "bench-call")]);
}
