using Microsoft.Extensions.Logging.Abstractions;
using Switch.Calls;
using Switch.Events;
using Switch.Tests.Support;

namespace Switch.Tests.Calls.Fakes;

/// <summary>A call engine over fake legs, a manual clock and an event recorder.</summary>
internal sealed class EngineHarness : IDisposable
{
    public static readonly SwitchIdentity Identity = new("4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b", "sw1", "sw1", "192.0.2.10", "::1");

    public EngineHarness(CallEngineOptions? options = null)
    {
        Clock = new ManualTimeProvider();
        Bus = new EventBus(Identity, Clock);
        Events = new EventRecorder(Bus);
        Dialer = new FakeDialer();
        Engine = new CallEngine(Bus, Dialer, options ?? new CallEngineOptions(), Clock, NullLogger<CallEngine>.Instance);
    }

    public ManualTimeProvider Clock { get; }
    public EventBus Bus { get; }
    public EventRecorder Events { get; }
    public FakeDialer Dialer { get; }
    public CallEngine Engine { get; }
    public Dictionary<string, FakeSignaling> Inbound { get; } = [];

    /// <summary>An inbound call from 1000 to <paramref name="destination"/>, waited for until it is parked.</summary>
    public async Task<string> InboundAsync(string destination = "5000", string? uuid = null, string from = "1000")
    {
        var signaling = new FakeSignaling("a-leg");
        var id = Engine.AcceptInbound(new InboundCall($"sofia/internal/{from}@192.0.2.10", "Alice", from, destination,
            "192.0.2.55", from, [new("sip_from_user", from)], uuid), signaling);
        Assert.NotNull(id);
        Inbound[id] = signaling;
        await Events.WaitAsync("CHANNEL_PARK", id);
        return id;
    }

    /// <summary>The uuid of the n-th outbound leg created to <paramref name="user"/>, waiting until it exists.</summary>
    public async Task<string> OutboundLegAsync(string user, int index = 0)
    {
        var e = await Events.WaitAsync(ev => ev.Name == "CHANNEL_ORIGINATE"
            && ev.GetHeader("Caller-Destination-Number") == user
            && Dialer.LegsTo(user).Count > index
            && ev.UniqueId == Dialer.LegsTo(user)[index].Uuid);
        return e.UniqueId!;
    }

    /// <summary>
    /// Waits (10 s at most) until no channel is left: a leg leaves the registry just after its CHANNEL_DESTROY is
    /// published, so a test that saw the event may look a moment too early.
    /// </summary>
    public async Task WaitForNoChannelsAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Engine.ChannelCount > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
        Assert.Equal(0, Engine.ChannelCount);
    }

    public void Dispose() => Events.Dispose();
}
