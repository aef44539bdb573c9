using Switch.Calls;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Calls;

public sealed class BridgeApplicationTests
{
    [Fact]
    public async Task Bridge_rings_answers_and_bridges_in_freeswitch_order()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55:5060");
        var a = await h.InboundAsync("1001");

        var bridge = h.Engine.ExecuteApplicationAsync(a, "bridge", "user/1001", "app-1").AsTask();
        var b = await h.OutboundLegAsync("1001");
        // The b-leg's mailbox goes on after the INVITE is handed to the dialer: wait for its last state event.
        await h.Events.WaitAsync(e => e.Name == "CHANNEL_STATE" && e.UniqueId == b && e.GetHeader("Channel-State") == "CS_CONSUME_MEDIA");
        Assert.Equal(["OUTGOING", "STATE CS_INIT", "CREATE", "ORIGINATE", "STATE CS_ROUTING", "STATE CS_CONSUME_MEDIA"], h.Events.Trace(b));
        Assert.Equal(["invite"], h.Dialer.LegOf(b).Actions);
        var request = h.Dialer.Requests.Single();
        Assert.Equal("Alice", request.CallerIdName);
        Assert.Equal("1000", request.CallerIdNumber);
        Assert.Same(h.Inbound[a], request.Originator);

        h.Engine.LegEvents.Progress(b, earlyMedia: false);
        await h.Events.WaitAsync("CHANNEL_PROGRESS_MEDIA", a);
        h.Engine.LegEvents.Answered(b);
        await h.Events.WaitAsync("CHANNEL_BRIDGE", a);
        await h.Events.WaitAsync(e => e.Name == "CHANNEL_STATE" && e.UniqueId == b && e.GetHeader("Channel-State") == "CS_EXCHANGE_MEDIA");

        Assert.Equal(["PROGRESS", "CALLSTATE RINGING", "ANSWER", "CALLSTATE ACTIVE", "STATE CS_EXCHANGE_MEDIA"], h.Events.Trace(b).Skip(6));
        Assert.Equal(["EXECUTE bridge", "PROGRESS_MEDIA", "CALLSTATE EARLY", "ANSWER", "CALLSTATE ACTIVE", "BRIDGE"], h.Events.Trace(a).Skip(7));
        Assert.Equal(["pre_answer", "answer", "bridge"], h.Inbound[a].Actions);

        var bridged = h.Events.All.Single(e => e.Name == "CHANNEL_BRIDGE");
        Assert.Equal(("Bridge-A-Unique-ID", a), (bridged.Headers[13].Key, bridged.Headers[13].Value));
        Assert.Equal(("Bridge-B-Unique-ID", b), (bridged.Headers[14].Key, bridged.Headers[14].Value));
        Assert.Equal(a, bridged.GetHeader("Unique-ID"));
        Assert.Equal("originatee", bridged.GetHeader("Other-Type"));
        Assert.Equal(b, bridged.GetHeader("Other-Leg-Unique-ID"));
        Assert.Equal("call accepted", bridged.GetHeader("variable_originate_disposition"));
        var bAnswer = h.Events.All.Single(e => e.Name == "CHANNEL_ANSWER" && e.UniqueId == b);
        Assert.Equal("originator", bAnswer.GetHeader("Other-Type"));
        Assert.Equal(a, bAnswer.GetHeader("Other-Leg-Unique-ID"));
        Assert.Equal("outbound", bAnswer.GetHeader("Call-Direction"));
        Assert.Equal("false", bAnswer.GetHeader("Channel-HIT-Dialplan"));
        var bExchange = h.Events.All.Last(e => e.UniqueId == b);
        Assert.Equal(a, bExchange.GetHeader("Channel-Call-UUID"));
        Assert.False(bridge.IsCompleted);

        // b hangs up: b's teardown, a unbridged and hung up with the same cause, bridge completes.
        h.Engine.LegEvents.Ended(b, HangupCause.NormalClearing);
        var result = await bridge.WaitAsync(TimeSpan.FromSeconds(10));
        await h.Events.WaitAsync("CHANNEL_DESTROY", a);

        Assert.Equal(ExecuteStatus.Completed, result.Status);
        var names = h.Events.All.Select(e => (e.UniqueId, EventRecorder.Describe(e))).SkipWhile(x => x.Item2 != "HANGUP NORMAL_CLEARING").ToArray();
        Assert.Equal((b, "HANGUP NORMAL_CLEARING"), names[0]);
        Assert.Equal((a, "UNBRIDGE"), names[1]);
        Assert.Contains((b, "HANGUP_COMPLETE"), names);
        var aHangup = Array.IndexOf(names, (a, "HANGUP NORMAL_CLEARING"));
        Assert.True(aHangup > Array.IndexOf(names, (b, "STATE CS_DESTROY")));
        Assert.Equal((a, "EXECUTE_COMPLETE bridge"), names[aHangup + 1]);
        Assert.Equal(["pre_answer", "answer", "bridge", "unbridge", "hangup:NORMAL_CLEARING"], h.Inbound[a].Actions);
        Assert.Equal(["invite", "unbridge"], h.Dialer.LegOf(b).Actions);
        var aComplete = h.Events.All.Single(e => e.Name == "CHANNEL_EXECUTE_COMPLETE" && e.GetHeader("Application") == "bridge");
        Assert.Equal("app-1", aComplete.GetHeader("Application-UUID"));
        Assert.Equal("NORMAL_CLEARING", aComplete.GetHeader("variable_bridge_hangup_cause"));
        await h.WaitForNoChannelsAsync();
    }

    [Fact]
    public async Task Busy_b_leg_leaves_the_caller_parked_with_dial_status()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        var a = await h.InboundAsync("1001");

        var bridge = h.Engine.ExecuteApplicationAsync(a, "bridge", "user/1001", null).AsTask();
        var b = await h.OutboundLegAsync("1001");
        h.Engine.LegEvents.Ended(b, SipCauses.FromSipStatus(486), [new("sip_term_status", "486")]);

        var result = await bridge.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ExecuteStatus.Completed, result.Status);
        var complete = h.Events.All.Last(e => e.Name == "CHANNEL_EXECUTE_COMPLETE" && e.UniqueId == a);
        Assert.Equal("USER_BUSY", complete.GetHeader("variable_originate_disposition"));
        Assert.Equal("USER_BUSY", complete.GetHeader("variable_originate_failed_cause"));
        Assert.Equal("BUSY", complete.GetHeader("variable_DIALSTATUS"));
        Assert.Equal("_none_", complete.GetHeader("Application-Response"));
        Assert.True(h.Engine.Exists(a));
        Assert.False(h.Engine.Exists(b));
        Assert.Empty(h.Inbound[a].Actions);
        var bDestroy = h.Events.All.Single(e => e.Name == "CHANNEL_DESTROY" && e.UniqueId == b);
        Assert.Equal("486", bDestroy.GetHeader("variable_sip_term_status"));
        Assert.Equal(["invite"], h.Dialer.LegOf(b).Actions);
    }

    [Fact]
    public async Task Continue_on_fail_false_hangs_the_caller_up_with_the_cause()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        var a = await h.InboundAsync("1001");
        await h.Engine.SetVariableAsync(a, "continue_on_fail", "false");

        _ = h.Engine.ExecuteApplicationAsync(a, "bridge", "user/1001", null);
        var b = await h.OutboundLegAsync("1001");
        h.Engine.LegEvents.Ended(b, HangupCause.UserBusy);

        var hangup = await h.Events.WaitAsync("CHANNEL_HANGUP", a);
        Assert.Equal("USER_BUSY", hangup.GetHeader("Hangup-Cause"));
        await h.Events.WaitAsync("CHANNEL_DESTROY", a);
        Assert.Equal(["hangup:USER_BUSY"], h.Inbound[a].Actions);
    }

    [Fact]
    public async Task Unregistered_user_fails_without_creating_a_leg()
    {
        using var h = new EngineHarness();
        h.Dialer.AddFailingUser("1001", HangupCause.UserNotRegistered);
        var a = await h.InboundAsync("1001");

        var result = await h.Engine.ExecuteApplicationAsync(a, "bridge", "user/1001", null);

        Assert.Equal(ExecuteStatus.Completed, result.Status);
        Assert.Empty(h.Dialer.Requests);
        Assert.DoesNotContain(h.Events.All, e => e.Name == "CHANNEL_OUTGOING");
        var (_, value) = await h.Engine.GetVariableAsync(a, "originate_disposition");
        Assert.Equal("USER_NOT_REGISTERED", value);
        Assert.Equal("USER_NOT_REGISTERED", (await h.Engine.GetVariableAsync(a, "DIALSTATUS")).Value);
    }

    [Fact]
    public async Task Ring_timeout_cancels_the_b_leg_with_no_answer()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        var a = await h.InboundAsync("1001");
        await h.Engine.SetVariableAsync(a, "call_timeout", "20");

        var bridge = h.Engine.ExecuteApplicationAsync(a, "bridge", "user/1001", null).AsTask();
        var b = await h.OutboundLegAsync("1001");
        h.Engine.LegEvents.Progress(b, earlyMedia: false);
        await h.Events.WaitAsync("CHANNEL_PROGRESS_MEDIA", a);
        h.Clock.Advance(TimeSpan.FromSeconds(19));
        Assert.False(bridge.IsCompleted);
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        await bridge.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["invite", "hangup:NO_ANSWER"], h.Dialer.LegOf(b).Actions);
        Assert.Equal("NOANSWER", (await h.Engine.GetVariableAsync(a, "DIALSTATUS")).Value);
        Assert.Equal("NO_ANSWER", (await h.Engine.GetVariableAsync(a, "originate_disposition")).Value);
        Assert.True(h.Engine.Exists(a));
    }

    [Fact]
    public async Task Parallel_forks_first_answer_wins_and_the_others_lose_the_race()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55", "192.0.2.66");
        var a = await h.InboundAsync("1001");

        _ = h.Engine.ExecuteApplicationAsync(a, "bridge", "{call_timeout=30}user/1001", null);
        var b1 = await h.OutboundLegAsync("1001", 0);
        var b2 = await h.OutboundLegAsync("1001", 1);
        h.Engine.LegEvents.Answered(b2);
        h.Engine.LegEvents.Answered(b1);

        await h.Events.WaitAsync("CHANNEL_BRIDGE", a);
        await h.Events.WaitAsync("CHANNEL_DESTROY", b1);
        var bridge = h.Events.All.Single(e => e.Name == "CHANNEL_BRIDGE");
        Assert.Equal(b2, bridge.GetHeader("Bridge-B-Unique-ID"));
        Assert.Equal(["invite", "hangup:LOSE_RACE"], h.Dialer.LegOf(b1).Actions);
        Assert.DoesNotContain("ANSWER", h.Events.Trace(b1));
        Assert.Equal(0, h.Clock.ActiveTimers);
    }

    [Fact]
    public async Task Sequential_groups_try_the_next_after_a_failure()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        h.Dialer.AddUser("1002", "192.0.2.66");
        var a = await h.InboundAsync("1001");

        _ = h.Engine.ExecuteApplicationAsync(a, "bridge", "user/1001|[leg_timeout=5]user/1002", null);
        var b1 = await h.OutboundLegAsync("1001");
        Assert.Empty(h.Dialer.LegsTo("1002"));
        h.Engine.LegEvents.Ended(b1, HangupCause.UserBusy);
        var b2 = await h.OutboundLegAsync("1002");
        h.Engine.LegEvents.Answered(b2);

        var bridge = await h.Events.WaitAsync("CHANNEL_BRIDGE", a);
        Assert.Equal(b2, bridge.GetHeader("Bridge-B-Unique-ID"));
        Assert.Equal("5", h.Events.All.Single(e => e.Name == "CHANNEL_CREATE" && e.UniqueId == b2).GetHeader("variable_leg_timeout"));
    }

    [Fact]
    public async Task Caller_cancel_during_ringing_cancels_every_b_leg()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55", "192.0.2.66");
        var a = await h.InboundAsync("1001");

        var bridge = h.Engine.ExecuteApplicationAsync(a, "bridge", "user/1001", null).AsTask();
        var b1 = await h.OutboundLegAsync("1001", 0);
        var b2 = await h.OutboundLegAsync("1001", 1);
        h.Engine.LegEvents.Ended(a, HangupCause.OriginatorCancel);

        await bridge.WaitAsync(TimeSpan.FromSeconds(10));
        await h.Events.WaitAsync("CHANNEL_DESTROY", a);
        Assert.Equal(["invite", "hangup:ORIGINATOR_CANCEL"], h.Dialer.LegOf(b1).Actions);
        Assert.Equal(["invite", "hangup:ORIGINATOR_CANCEL"], h.Dialer.LegOf(b2).Actions);
        Assert.Empty(h.Inbound[a].Actions);
        await h.WaitForNoChannelsAsync();
        var trace = h.Events.Trace(a);
        Assert.True(trace.ToList().IndexOf("HANGUP ORIGINATOR_CANCEL") < trace.ToList().IndexOf("EXECUTE_COMPLETE bridge"));
        Assert.Equal("CANCEL", h.Events.All.Single(e => e.Name == "CHANNEL_EXECUTE_COMPLETE" && e.GetHeader("Application") == "bridge")
            .GetHeader("variable_DIALSTATUS"));
    }

    [Fact]
    public async Task Caller_hangup_while_bridged_hangs_up_the_b_leg()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        var a = await h.InboundAsync("1001");
        _ = h.Engine.ExecuteApplicationAsync(a, "bridge", "user/1001", null);
        var b = await h.OutboundLegAsync("1001");
        h.Engine.LegEvents.Answered(b);
        await h.Events.WaitAsync("CHANNEL_BRIDGE", a);

        h.Engine.LegEvents.Ended(a, SipCauses.FromBye("Q.850;cause=16"));

        await h.Events.WaitAsync("CHANNEL_DESTROY", b);
        Assert.Equal(["invite", "unbridge", "hangup:NORMAL_CLEARING"], h.Dialer.LegOf(b).Actions);
        await h.WaitForNoChannelsAsync();
    }

    [Fact]
    public async Task Hangup_after_bridge_false_returns_the_caller_to_park()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        var a = await h.InboundAsync("1001");
        await h.Engine.SetVariableAsync(a, "hangup_after_bridge", "false");
        var bridge = h.Engine.ExecuteApplicationAsync(a, "bridge", "user/1001", null).AsTask();
        var b = await h.OutboundLegAsync("1001");
        h.Engine.LegEvents.Answered(b);
        await h.Events.WaitAsync("CHANNEL_BRIDGE", a);

        h.Engine.LegEvents.Ended(b, HangupCause.NormalClearing);

        await bridge.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(h.Engine.Exists(a));
        Assert.Equal(["UNBRIDGE", "EXECUTE_COMPLETE bridge"], h.Events.Trace(a).TakeLast(2));
        Assert.Equal(1, h.Clock.ActiveTimers);
    }

    [Fact]
    public async Task Exported_and_dial_string_variables_reach_the_b_leg()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55");
        var a = await h.InboundAsync("1001");
        await h.Engine.ExecuteApplicationAsync(a, "export", "account=42", null);
        await h.Engine.ExecuteApplicationAsync(a, "export", "nolocal:only_b=yes", null);

        _ = h.Engine.ExecuteApplicationAsync(a, "bridge",
            "{origination_caller_id_number=555,origination_caller_id_name='Front Desk'}[sip_h_X-Test=1]user/1001", null);
        var b = await h.OutboundLegAsync("1001");

        var create = h.Events.All.Single(e => e.Name == "CHANNEL_CREATE" && e.UniqueId == b);
        Assert.Equal("42", create.GetHeader("variable_account"));
        Assert.Equal("yes", create.GetHeader("variable_only_b"));
        Assert.Equal("1", create.GetHeader("variable_sip_h_X-Test"));
        Assert.Equal("555", create.GetHeader("Caller-Caller-ID-Number"));
        Assert.Equal("Front Desk", create.GetHeader("Caller-Caller-ID-Name"));
        Assert.Equal(a, create.GetHeader("variable_originator"));
        Assert.Null((await h.Engine.GetVariableAsync(a, "only_b")).Value);
        var request = h.Dialer.Requests.Single();
        Assert.Equal("555", request.CallerIdNumber);
        Assert.Contains(request.Variables, v => v.Key == "sip_h_X-Test" && v.Value == "1");
    }

    [Fact]
    public async Task A_bad_dial_string_fails_the_bridge_with_invalid_args()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync("1001");
        await h.Engine.ExecuteApplicationAsync(a, "bridge", "nonsense", null);
        Assert.Equal("INVALIDARGS", (await h.Engine.GetVariableAsync(a, "DIALSTATUS")).Value);
        Assert.True(h.Engine.Exists(a));
    }

    [Fact]
    public async Task Two_answers_crossing_keep_one_winner()
    {
        using var h = new EngineHarness();
        h.Dialer.AddUser("1001", "192.0.2.55", "192.0.2.66");
        var a = await h.InboundAsync("1001");
        _ = h.Engine.ExecuteApplicationAsync(a, "bridge", "user/1001", null);
        var b1 = await h.OutboundLegAsync("1001", 0);
        var b2 = await h.OutboundLegAsync("1001", 1);

        h.Engine.LegEvents.Answered(b1);
        h.Engine.LegEvents.Answered(b2);
        h.Engine.LegEvents.Ended(b2, HangupCause.NormalClearing);

        await h.Events.WaitAsync("CHANNEL_BRIDGE", a);
        await h.Events.WaitAsync("CHANNEL_DESTROY", b2);
        Assert.Single(h.Events.All, e => e.Name == "CHANNEL_BRIDGE");
        Assert.Equal(["invite", "hangup:LOSE_RACE"], h.Dialer.LegOf(b2).Actions);
        Assert.True(h.Engine.Exists(b1));
    }
}
