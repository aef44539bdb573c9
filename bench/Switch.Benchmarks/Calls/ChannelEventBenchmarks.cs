using BenchmarkDotNet.Attributes;
using Switch.Calls;
using Switch.Events;
using Switch.EventSocket;

namespace Switch.Benchmarks.Calls;

/// <summary>
/// Building and publishing one CHANNEL_ANSWER (≈75 headers with 30 variables) and one CHANNEL_STATE (no variables);
/// CHANNEL_ANSWER again after a variable changed (its variables block is rebuilt, as through a call); and both
/// also serialized to the plain frame an ESL subscriber to ALL gets (the ESL event made as the event socket makes it).
/// </summary>
[MemoryDiagnoser]
public class ChannelEventBenchmarks
{
    private EventBus _bus = null!;
    private Channel _channel = null!;
    private int _changes;

    [GlobalSetup]
    public void Setup()
    {
        _bus = new EventBus(new SwitchIdentity(Guid.NewGuid().ToString(), "bench", "bench", "127.0.0.1", "::1"), TimeProvider.System);
        _bus.Subscribe(static _ => { });
        var profile = new CallerProfile
        {
            CallerIdName = "Alice", CallerIdNumber = "1000", DestinationNumber = "5000", NetworkAddr = "192.0.2.55",
            Source = "mod_sofia", Context = "default", Dialplan = "XML", CreatedTime = 1741083625000000,
        };
        _channel = new Channel(Guid.NewGuid().ToString(), "sofia/internal/1000@192.0.2.10", CallDirection.Inbound, profile, NullSignaling.Instance);
        for (var i = 0; i < 27; i++)
        {
            _channel.Variables.Set("sip_variable_" + i, "value " + i);
        }
        _channel.SetState(ChannelState.Execute);
    }

    [Benchmark(Description = "CHANNEL_ANSWER with variables")]
    public SwitchEvent Answer() => _bus.Publish(ChannelEvents.Create(ChannelEventNames.Answer, _channel));

    [Benchmark(Description = "CHANNEL_STATE")]
    public SwitchEvent State() => _bus.Publish(ChannelEvents.Create(ChannelEventNames.State, _channel));

    [Benchmark(Description = "CHANNEL_ANSWER, a variable changed before")]
    public SwitchEvent AnswerAfterChange()
    {
        _channel.Variables.Set("bench_changing", (++_changes & 1) == 0 ? "a" : "b");
        return _bus.Publish(ChannelEvents.Create(ChannelEventNames.Answer, _channel));
    }

    [Benchmark(Description = "CHANNEL_ANSWER + plain frame")]
    public int AnswerPlain() => Esl(_bus.Publish(ChannelEvents.Create(ChannelEventNames.Answer, _channel))).GetFrame(EslEventFormat.Plain).Length;

    [Benchmark(Description = "CHANNEL_STATE + plain frame")]
    public int StatePlain() => Esl(_bus.Publish(ChannelEvents.Create(ChannelEventNames.State, _channel))).GetFrame(EslEventFormat.Plain).Length;

    private static EslEvent Esl(SwitchEvent e) => new(e.HeaderParts, e.Body, e.SharedParts);
}
