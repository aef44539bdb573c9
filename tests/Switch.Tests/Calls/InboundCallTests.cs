using Switch.Calls;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Calls;

public sealed class InboundCallTests
{
    [Fact]
    public async Task A_new_inbound_call_is_announced_and_parked_in_freeswitch_order()
    {
        using var h = new EngineHarness();
        var uuid = await h.InboundAsync();

        Assert.Equal(
            ["STATE CS_INIT", "CREATE", "CALLSTATE RINGING", "STATE CS_ROUTING", "STATE CS_EXECUTE", "EXECUTE park", "PARK"],
            h.Events.Trace(uuid));
        var park = h.Events.All.Single(e => e.Name == "CHANNEL_PARK");
        Assert.Equal("inbound", park.GetHeader("Call-Direction"));
        Assert.Equal("ringing", park.GetHeader("Answer-State"));
        Assert.Equal("1000", park.GetHeader("Caller-Caller-ID-Number"));
        Assert.Equal("5000", park.GetHeader("Caller-Destination-Number"));
        Assert.Equal("park", park.GetHeader("variable_current_application"));
        Assert.Equal("1000", park.GetHeader("variable_sip_from_user"));
        Assert.True(h.Engine.Exists(uuid));
        Assert.Empty(h.Inbound[uuid].Actions);
    }

    [Fact]
    public async Task Answer_fires_answer_before_the_active_call_state()
    {
        using var h = new EngineHarness();
        var uuid = await h.InboundAsync();

        Assert.True(await h.Engine.AnswerAsync(uuid));

        var trace = h.Events.Trace(uuid);
        Assert.Equal(["ANSWER", "CALLSTATE ACTIVE"], trace.Skip(7));
        var answer = h.Events.All.Single(e => e.Name == "CHANNEL_ANSWER");
        Assert.Equal("RINGING", answer.GetHeader("Channel-Call-State"));
        Assert.Equal("answered", answer.GetHeader("Answer-State"));
        Assert.NotEqual("0", answer.GetHeader("Caller-Channel-Answered-Time"));
        var callstate = h.Events.All.Last(e => e.Name == "CHANNEL_CALLSTATE");
        Assert.Equal("RINGING", callstate.GetHeader("Original-Channel-Call-State"));
        Assert.Equal("4", callstate.GetHeader("Channel-Call-State-Number"));
        Assert.Equal(["answer"], h.Inbound[uuid].Actions);

        Assert.True(await h.Engine.AnswerAsync(uuid));
        Assert.Equal(["answer"], h.Inbound[uuid].Actions);
    }

    [Fact]
    public async Task Pre_answer_and_ring_ready_fire_progress_events()
    {
        using var h = new EngineHarness();
        var uuid = await h.InboundAsync();

        Assert.True(await h.Engine.RingReadyAsync(uuid));
        Assert.True(await h.Engine.PreAnswerAsync(uuid));

        Assert.Equal(["PROGRESS", "PROGRESS_MEDIA", "CALLSTATE EARLY"], h.Events.Trace(uuid).Skip(7));
        Assert.Equal(["ring", "pre_answer"], h.Inbound[uuid].Actions);
        var media = h.Events.All.Single(e => e.Name == "CHANNEL_PROGRESS_MEDIA");
        Assert.Equal("early", media.GetHeader("Answer-State"));
    }

    [Fact]
    public async Task Kill_tears_the_leg_down_with_the_cause_and_billing()
    {
        using var h = new EngineHarness();
        var uuid = await h.InboundAsync();
        await h.Engine.AnswerAsync(uuid);
        h.Clock.Advance(TimeSpan.FromSeconds(42));

        Assert.True(await h.Engine.HangupAsync(uuid, HangupCause.UserBusy));

        Assert.Equal(
            ["HANGUP USER_BUSY", "UNPARK", "EXECUTE_COMPLETE park", "STATE CS_HANGUP", "CALLSTATE HANGUP", "STATE CS_REPORTING",
             "HANGUP_COMPLETE", "DESTROY", "STATE CS_DESTROY"],
            h.Events.Trace(uuid).Skip(9));
        Assert.Equal(["answer", "hangup:USER_BUSY"], h.Inbound[uuid].Actions);
        Assert.False(h.Engine.Exists(uuid));

        var hangup = h.Events.All.Single(e => e.Name == "CHANNEL_HANGUP");
        Assert.Equal("hangup", hangup.GetHeader("Answer-State"));
        Assert.Equal("CS_EXECUTE", hangup.GetHeader("Channel-State"));
        Assert.Equal("10", hangup.GetHeader("Channel-State-Number"));
        var complete = h.Events.All.Single(e => e.Name == "CHANNEL_HANGUP_COMPLETE");
        Assert.Equal("Hangup-Cause", complete.Headers[13].Key);
        Assert.Equal("USER_BUSY", complete.Headers[13].Value);
        Assert.Equal("CS_REPORTING", complete.GetHeader("Channel-State"));
        Assert.Equal("42", complete.GetHeader("variable_duration"));
        Assert.Equal("42", complete.GetHeader("variable_billsec"));
        Assert.Equal("17", complete.GetHeader("variable_hangup_cause_q850"));
        Assert.Equal("park", complete.GetHeader("variable_last_app"));
        Assert.False(await h.Engine.HangupAsync(uuid, HangupCause.NormalClearing));
    }

    [Fact]
    public async Task Far_end_hangup_is_not_signalled_back()
    {
        using var h = new EngineHarness();
        var uuid = await h.InboundAsync();

        h.Engine.LegEvents.Ended(uuid, HangupCause.OriginatorCancel, [new("sip_hangup_disposition", "recv_cancel")]);

        var complete = await h.Events.WaitAsync("CHANNEL_DESTROY", uuid);
        Assert.Equal("recv_cancel", complete.GetHeader("variable_sip_hangup_disposition"));
        Assert.Equal("ORIGINATOR_CANCEL", complete.GetHeader("Hangup-Cause"));
        Assert.Empty(h.Inbound[uuid].Actions);
        Assert.Equal("0", complete.GetHeader("variable_billsec"));
    }

    [Fact]
    public async Task Idle_park_times_out_with_the_configured_cause()
    {
        using var h = new EngineHarness(new CallEngineOptions { ParkTimeout = TimeSpan.FromSeconds(60) });
        var uuid = await h.InboundAsync();

        h.Clock.Advance(TimeSpan.FromSeconds(59));
        await h.Engine.SetVariableAsync(uuid, "probe", "1");
        Assert.True(h.Engine.Exists(uuid));

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var hangup = await h.Events.WaitAsync("CHANNEL_HANGUP", uuid);
        Assert.Equal("ALLOTTED_TIMEOUT", hangup.GetHeader("Hangup-Cause"));
        await h.Events.WaitAsync("CHANNEL_DESTROY", uuid);
        Assert.Equal(["hangup:ALLOTTED_TIMEOUT"], h.Inbound[uuid].Actions);
    }

    [Fact]
    public async Task Running_an_application_restarts_the_park_timer()
    {
        using var h = new EngineHarness(new CallEngineOptions { ParkTimeout = TimeSpan.FromSeconds(60) });
        var uuid = await h.InboundAsync();

        h.Clock.Advance(TimeSpan.FromSeconds(50));
        await h.Engine.ExecuteApplicationAsync(uuid, "answer", null, null);
        h.Clock.Advance(TimeSpan.FromSeconds(50));
        await h.Engine.SetVariableAsync(uuid, "probe", "1");
        Assert.True(h.Engine.Exists(uuid));

        h.Clock.Advance(TimeSpan.FromSeconds(10));
        await h.Events.WaitAsync("CHANNEL_DESTROY", uuid);
    }

    [Theory]
    [InlineData("5", 5, "ALLOTTED_TIMEOUT")]
    [InlineData("3:NO_ANSWER", 3, "NO_ANSWER")]
    public async Task Park_timeout_variable_overrides_the_default(string value, int seconds, string cause)
    {
        using var h = new EngineHarness(new CallEngineOptions { ParkTimeout = TimeSpan.FromSeconds(60) });
        var uuid = await h.InboundAsync();
        await h.Engine.SetVariableAsync(uuid, "park_timeout", value);
        await h.Engine.ExecuteApplicationAsync(uuid, "set", "x=y", null);

        h.Clock.Advance(TimeSpan.FromSeconds(seconds));
        var hangup = await h.Events.WaitAsync("CHANNEL_HANGUP", uuid);
        Assert.Equal(cause, hangup.GetHeader("Hangup-Cause"));
    }

    [Fact]
    public async Task Zero_park_timeout_never_fires()
    {
        using var h = new EngineHarness(new CallEngineOptions { ParkTimeout = TimeSpan.Zero });
        var uuid = await h.InboundAsync();
        h.Clock.Advance(TimeSpan.FromHours(5));
        await h.Engine.SetVariableAsync(uuid, "probe", "1");
        Assert.True(h.Engine.Exists(uuid));
        Assert.Equal(0, h.Clock.ActiveTimers);
    }

    [Fact]
    public async Task A_refused_answer_hangs_the_leg_up_as_incompatible()
    {
        using var h = new EngineHarness();
        var uuid = await h.InboundAsync();
        h.Inbound[uuid].AnswerResult = false;

        Assert.False(await h.Engine.AnswerAsync(uuid));
        var hangup = await h.Events.WaitAsync("CHANNEL_HANGUP", uuid);
        Assert.Equal("INCOMPATIBLE_DESTINATION", hangup.GetHeader("Hangup-Cause"));
    }

    [Fact]
    public async Task A_failed_answer_on_a_leg_the_far_end_already_ended_keeps_the_far_end_cause()
    {
        using var h = new EngineHarness();
        var uuid = await h.InboundAsync();
        h.Inbound[uuid].AnswerResult = false;
        h.Inbound[uuid].FarEndCause = HangupCause.OriginatorCancel;

        Assert.False(await h.Engine.AnswerAsync(uuid));

        var hangup = await h.Events.WaitAsync("CHANNEL_HANGUP", uuid);
        Assert.Equal("ORIGINATOR_CANCEL", hangup.GetHeader("Hangup-Cause"));
        Assert.DoesNotContain(h.Inbound[uuid].Actions, a => a.StartsWith("hangup", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Commands_on_unknown_uuids_fail_cleanly()
    {
        using var h = new EngineHarness();
        Assert.False(await h.Engine.AnswerAsync("nope"));
        Assert.False(await h.Engine.HangupAsync("nope", HangupCause.NormalClearing));
        Assert.False(await h.Engine.ParkAsync("nope"));
        Assert.False((await h.Engine.GetVariableAsync("nope", "x")).Found);
        Assert.Null(await h.Engine.BridgeAsync("nope", "nada"));
        Assert.Equal(ExecuteStatus.NoSuchChannel, (await h.Engine.ExecuteApplicationAsync("nope", "answer", null, null)).Status);
        Assert.Null(await h.Engine.DumpAsync("nope"));
    }

    [Fact]
    public async Task Accepting_a_duplicate_uuid_is_refused()
    {
        using var h = new EngineHarness();
        var uuid = await h.InboundAsync(uuid: "11111111-2222-3333-4444-555555555555");
        var again = h.Engine.AcceptInbound(new InboundCall("sofia/internal/x@y", null, "1", "2", null, Uuid: uuid), new FakeSignaling("dup"));
        Assert.Null(again);
        Assert.Equal(1, h.Engine.ChannelCount);
    }
}
