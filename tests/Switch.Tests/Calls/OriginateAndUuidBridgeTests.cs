using Switch.Calls;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Calls;

public sealed class OriginateAndUuidBridgeTests
{
    private static OriginateRequest Request(string dial, string? app = "park", string? arg = null, string? extension = null)
    {
        Assert.True(DialStringParser.TryParse(dial, out var parsed, out var error), error);
        return new OriginateRequest(parsed, app, arg, extension);
    }

    [Fact]
    public async Task Originate_completes_on_answer_and_parks_the_leg()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        const string uuid = "2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f";

        var originate = h.Engine.OriginateAsync(Request($"{{origination_uuid={uuid},origination_caller_id_number=777}}user/1001"));
        await h.Events.WaitAsync("CHANNEL_ORIGINATE", uuid);
        Assert.False(originate.IsCompleted);
        h.Engine.LegEvents.Progress(uuid, earlyMedia: true);
        h.Engine.LegEvents.Answered(uuid);

        var result = await originate.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(uuid, result.Uuid);
        await h.Events.WaitAsync("CHANNEL_PARK", uuid);
        Assert.Equal(
            ["OUTGOING", "STATE CS_INIT", "CREATE", "ORIGINATE", "STATE CS_ROUTING", "STATE CS_CONSUME_MEDIA",
             "PROGRESS_MEDIA", "CALLSTATE EARLY", "ANSWER", "CALLSTATE ACTIVE", "STATE CS_EXECUTE", "EXECUTE park", "PARK"],
            h.Events.Trace(uuid));
        var park = h.Events.All.Last();
        Assert.Equal("777", park.GetHeader("Caller-Caller-ID-Number"));
        Assert.Null(park.GetHeader("Other-Type"));
    }

    [Theory]
    [InlineData(486, "USER_BUSY")]
    [InlineData(404, "UNALLOCATED_NUMBER")]
    [InlineData(480, "NO_USER_RESPONSE")]
    [InlineData(603, "CALL_REJECTED")]
    public async Task Originate_failure_reports_the_cause(int status, string cause)
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        var originate = h.Engine.OriginateAsync(Request("user/1001"));
        var b = await h.OutboundLegAsync("1001");
        h.Engine.LegEvents.Ended(b, SipCauses.FromSipStatus(status));

        var result = await originate.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(result.Uuid);
        Assert.Equal(cause, HangupCauses.ToName(result.Cause));
        await h.WaitForNoChannelsAsync();
    }

    [Fact]
    public async Task Originate_to_an_unregistered_user_fails_at_once()
    {
        using var h = new EngineHarness();
        h.Dialer.AddFailingUser("1001", HangupCause.UserNotRegistered);
        var result = await h.Engine.OriginateAsync(Request("user/1001")).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HangupCause.UserNotRegistered, result.Cause);
        Assert.Equal(HangupCause.SubscriberAbsent,
            (await h.Engine.OriginateAsync(Request("user/nobody")).WaitAsync(TimeSpan.FromSeconds(10))).Cause);
        Assert.Equal(HangupCause.UserBusy,
            (await h.Engine.OriginateAsync(Request("error/user_busy")).WaitAsync(TimeSpan.FromSeconds(10))).Cause);
    }

    [Fact]
    public async Task Originate_times_out_with_no_answer()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        var parsed = Request("user/1001") with { Timeout = TimeSpan.FromSeconds(7) };
        var originate = h.Engine.OriginateAsync(parsed);
        var b = await h.OutboundLegAsync("1001");
        h.Clock.Advance(TimeSpan.FromSeconds(7));
        var result = await originate.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HangupCause.NoAnswer, result.Cause);
        Assert.Equal(["invite", "hangup:NO_ANSWER"], h.Dialer.LegOf(b).Actions);
    }

    [Fact]
    public async Task Originate_with_a_taken_origination_uuid_fails()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var result = await h.Engine.OriginateAsync(Request($"{{origination_uuid={a}}}user/1001"));
        Assert.Null(result.Uuid);
        Assert.Empty(h.Dialer.Requests);
    }

    [Fact]
    public async Task Originate_and_bridge_runs_the_bridge_from_the_new_leg()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        h.Dialer.AddUser("1002", "192.0.2.66");
        var originate = h.Engine.OriginateAsync(Request("user/1001", "bridge", "user/1002"));
        var first = await h.OutboundLegAsync("1001");
        h.Engine.LegEvents.Answered(first);
        Assert.Equal(first, (await originate.WaitAsync(TimeSpan.FromSeconds(10))).Uuid);
        var second = await h.OutboundLegAsync("1002");
        h.Engine.LegEvents.Answered(second);

        var bridge = await h.Events.WaitAsync("CHANNEL_BRIDGE", first);
        Assert.Equal(second, bridge.GetHeader("Bridge-B-Unique-ID"));
        Assert.Equal("outbound", bridge.GetHeader("Call-Direction"));
    }

    [Fact]
    public async Task Uuid_bridge_joins_a_parked_inbound_call_and_an_originated_leg()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        var a = await h.InboundAsync("5000");
        var originate = h.Engine.OriginateAsync(Request("user/1001"));
        var b = await h.OutboundLegAsync("1001");
        h.Engine.LegEvents.Answered(b);
        await originate.WaitAsync(TimeSpan.FromSeconds(10));
        await h.Events.WaitAsync("CHANNEL_PARK", b);

        Assert.Equal(b, await h.Engine.BridgeAsync(a, b));

        Assert.Equal(["ANSWER", "CALLSTATE ACTIVE", "UNPARK", "EXECUTE_COMPLETE park", "BRIDGE", "STATE CS_EXCHANGE_MEDIA"],
            h.Events.Trace(a).Skip(7));
        Assert.Equal(["UNPARK", "EXECUTE_COMPLETE park", "STATE CS_EXCHANGE_MEDIA"], h.Events.Trace(b).TakeLast(3));
        var bridge = h.Events.All.Single(e => e.Name == "CHANNEL_BRIDGE");
        Assert.Equal(a, bridge.GetHeader("Unique-ID"));
        Assert.Equal(b, bridge.GetHeader("Bridge-B-Unique-ID"));
        Assert.Same(h.Dialer.LegOf(b), h.Inbound[a].BridgedTo);

        // Both legs now live in one call: a hangup of b reaches a through that call.
        h.Engine.LegEvents.Ended(b, HangupCause.NormalClearing);
        await h.Events.WaitAsync("CHANNEL_DESTROY", a);
        Assert.Equal("hangup:NORMAL_CLEARING", h.Inbound[a].Actions[^1]);
        await h.WaitForNoChannelsAsync();
    }

    [Fact]
    public async Task Uuid_bridge_survivor_parks_with_park_after_bridge()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync("5000");
        var c = await h.InboundAsync("5001", from: "1002");
        await h.Engine.SetVariableAsync(a, "park_after_bridge", "true");

        Assert.Equal(c, await h.Engine.BridgeAsync(a, c));
        Assert.True(await h.Engine.HangupAsync(c, HangupCause.NormalClearing));

        await h.Events.WaitAsync(e => e.Name == "CHANNEL_PARK" && e.UniqueId == a && e.GetHeader("Channel-State") == "CS_PARK");
        Assert.True(h.Engine.Exists(a));
        Assert.Equal(["UNBRIDGE", "STATE CS_PARK", "PARK"], h.Events.Trace(a).TakeLast(3));
    }

    [Fact]
    public async Task Uuid_bridge_rejects_ringing_and_unknown_legs()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        var a = await h.InboundAsync();
        _ = h.Engine.OriginateAsync(Request("user/1001"));
        var ringing = await h.OutboundLegAsync("1001");

        Assert.Null(await h.Engine.BridgeAsync(a, ringing));
        Assert.Null(await h.Engine.BridgeAsync(a, a));
        Assert.Null(await h.Engine.BridgeAsync(a, "nope"));
        Assert.True(h.Engine.Exists(ringing));
        Assert.Empty(h.Inbound[a].Actions);
    }

    [Fact]
    public async Task Uuid_bridge_of_a_bridged_leg_breaks_its_old_bridge()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync("5000");
        var c = await h.InboundAsync("5001", from: "1002");
        var d = await h.InboundAsync("5002", from: "1003");
        Assert.Equal(c, await h.Engine.BridgeAsync(a, c));

        Assert.Equal(d, await h.Engine.BridgeAsync(a, d));

        await h.Events.WaitAsync("CHANNEL_DESTROY", c);
        Assert.Equal(2, h.Events.All.Count(e => e.Name == "CHANNEL_BRIDGE"));
        Assert.Equal("hangup:NORMAL_CLEARING", h.Inbound[c].Actions[^1]);
        Assert.Same(h.Inbound[d], h.Inbound[a].BridgedTo);
    }

    [Fact]
    public async Task Uuid_park_breaks_the_bridge_and_parks()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync("5000");
        var c = await h.InboundAsync("5001", from: "1002");
        await h.Engine.SetVariableAsync(c, "hangup_after_bridge", "false");
        await h.Engine.BridgeAsync(a, c);

        Assert.True(await h.Engine.ParkAsync(a));

        Assert.Equal(["UNBRIDGE", "STATE CS_PARK", "PARK"], h.Events.Trace(a).TakeLast(3));
        Assert.Equal(["STATE CS_PARK", "PARK"], h.Events.Trace(c).TakeLast(2));
        Assert.True(h.Engine.Exists(c));
    }
}
