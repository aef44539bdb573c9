using System.Text;
using Switch.Calls;
using Switch.Sip.Message;

namespace Switch.Tests.Calls.Sip;

/// <summary>re-INVITE and UPDATE relay, glare, BYE crossing a re-INVITE, 2xx retransmissions, session timers.</summary>
public sealed class B2buaMidCallTests
{
    private static async Task<(SwitchHarness Sw, TestPhone Alice, TestPhone Bob, PhoneCall A, PhoneCall B, string Uuid)> BridgedAsync(
        params (string Name, string Value)[] aliceHeaders)
    {
        var sw = new SwitchHarness();
        var alice = sw.Phone("1008", "192.0.2.55");
        var bob = sw.Phone("1018", "192.0.2.66");
        await sw.RegisterAsync(bob);
        var a = alice.Call("1018", alice.Sdp(port: 4000), aliceHeaders);
        var uuid = await sw.ParkedUuidAsync(a);
        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var b = await bob.WaitForCallAsync();
        b.Answer(bob.Sdp(port: 6000));
        await a.WaitForResponseAsync(200);
        await sw.Events.WaitAsync("CHANNEL_BRIDGE", uuid);
        await sw.Network.IdleAsync();
        return (sw, alice, bob, a, b, uuid);
    }

    [Fact]
    public async Task Hold_reinvite_is_relayed_to_the_other_leg_and_its_answer_returned()
    {
        var (sw, alice, bob, a, b, uuid) = await BridgedAsync();
        await using var owner = sw;

        a.ReInvite(alice.Sdp(port: 4000, direction: "sendonly"));

        var relayed = await b.Requests.WaitAsync(r => r.IsInvite && r.ToTag is not null, "re-INVITE at bob");
        var offer = Encoding.UTF8.GetString(relayed.Body.Span);
        Assert.Contains("a=sendonly", offer, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 192.0.2.10", offer, StringComparison.Ordinal);
        var answer = await a.Responses.WaitAsync(r => r.StatusCode == 200 && r.CSeq!.Value.Number == 2, "200 to the re-INVITE");
        Assert.Contains("a=recvonly", Encoding.UTF8.GetString(answer.Body.Span), StringComparison.Ordinal);
        await sw.Network.IdleAsync();
        Assert.True(sw.Media.Created[0].Audio!.RemoteHold);
        Assert.Contains(sw.Network.Trace, m => m.Message is SipRequest { IsAck: true } ack && ack.CallId == b.CallId && ack.CSeq!.Value.Number > 1);
    }

    [Fact]
    public async Task A_moved_media_address_is_applied_and_bob_sees_the_same_switch_port()
    {
        var (sw, alice, bob, a, b, uuid) = await BridgedAsync();
        await using var owner = sw;
        var bobFirstOffer = Encoding.UTF8.GetString(b.InviteRequest.Body.Span);

        a.ReInvite(alice.Sdp(port: 4444));

        await a.Responses.WaitAsync(r => r.StatusCode == 200 && r.CSeq!.Value.Number == 2, "200 to the re-INVITE");
        await sw.Network.IdleAsync();
        Assert.Equal(4444, sw.Media.Created[0].Audio!.RemotePort);
        var relayed = b.Requests.Items.Single(r => r.IsInvite && r.ToTag is not null);
        var port = sw.Media.Created[1].Port;
        Assert.Contains($"m=audio {port} ", Encoding.UTF8.GetString(relayed.Body.Span), StringComparison.Ordinal);
        Assert.Contains($"m=audio {port} ", bobFirstOffer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reinvite_rejected_by_the_other_leg_is_rejected_with_the_same_status()
    {
        var (sw, alice, bob, a, b, uuid) = await BridgedAsync();
        await using var owner = sw;
        bob.AutoAnswerReinvites = false;

        a.ReInvite(alice.Sdp(port: 4000));
        var held = await b.HeldReinvites.WaitAsync(_ => true, "held re-INVITE");
        held.TryRespond(488);

        await a.WaitForResponseAsync(488);
        Assert.True(sw.Engine.Exists(uuid));
    }

    [Fact]
    public async Task Glare_gets_491()
    {
        var (sw, alice, bob, a, b, uuid) = await BridgedAsync();
        await using var owner = sw;
        bob.AutoAnswerReinvites = false;

        a.ReInvite(alice.Sdp(port: 4000));
        await b.HeldReinvites.WaitAsync(_ => true, "held re-INVITE");
        b.ReInvite(bob.Sdp(port: 6002));

        await b.WaitForResponseAsync(491);
    }

    [Fact]
    public async Task Bye_crossing_a_relayed_reinvite_ends_both_legs_and_answers_the_reinvite()
    {
        var (sw, alice, bob, a, b, uuid) = await BridgedAsync();
        await using var owner = sw;
        bob.AutoAnswerReinvites = false;

        a.ReInvite(alice.Sdp(port: 4000));
        var held = await b.HeldReinvites.WaitAsync(_ => true, "held re-INVITE");
        b.Bye();

        await b.WaitForResponseAsync(200);
        held.TryRespond(487);
        await a.Responses.WaitAsync(r => r.CSeq!.Value.Number == 2 && r.StatusCode >= 400, "final to alice's re-INVITE");
        await a.WaitForRequestAsync("BYE");
        await sw.Events.WaitAsync("CHANNEL_DESTROY", uuid);
    }

    [Fact]
    public async Task Update_without_sdp_is_a_local_refresh()
    {
        var (sw, alice, bob, a, b, uuid) = await BridgedAsync();
        await using var owner = sw;

        a.SendInDialog("UPDATE");

        await a.Responses.WaitAsync(r => r.StatusCode == 200 && r.CSeq!.Value.Method == "UPDATE", "200 to UPDATE");
        await sw.Network.IdleAsync();
        Assert.DoesNotContain(b.Requests.Items, r => r.Method is "UPDATE" or "INVITE" && r.ToTag is not null);
    }

    [Fact]
    public async Task A_retransmitted_200_is_acknowledged_again()
    {
        var (sw, alice, bob, a, b, uuid) = await BridgedAsync();
        await using var owner = sw;
        int Acks() => sw.Network.Trace.Count(m => m.Message is SipRequest { IsAck: true } ack && ack.CallId == b.CallId);
        var before = Acks();

        // The phone's transaction no longer keeps its 2xx once ACKed (RFC 6026 Accepted absorbs, never resends): take it off the wire.
        var ok = (SipResponse)sw.Network.Trace.Last(m => m.Message is SipResponse { StatusCode: 200 } r && r.CallId == b.CallId
            && r.CSeq!.Value.Method == "INVITE").Message;
        b.Invite!.TrySendResponse(ok);

        await sw.Network.IdleAsync();
        Assert.Equal(before + 1, Acks());
        Assert.Single(sw.Events.All, e => e.Name == "CHANNEL_BRIDGE");
    }

    [Fact]
    public async Task Session_timer_requested_by_the_caller_is_honoured_and_enforced()
    {
        var (sw, alice, bob, a, b, uuid) = await BridgedAsync(("Session-Expires", "120;refresher=uac"), ("Supported", "timer"));
        await using var owner = sw;
        var ok = a.Responses.Items.Single(r => r.StatusCode == 200);
        Assert.Equal("120;refresher=uac", ok.GetHeader("Session-Expires"));
        Assert.Equal("timer", ok.GetHeader("Require"));

        // A refresh within the interval keeps the call up.
        await sw.AdvanceAsync(TimeSpan.FromSeconds(60));
        a.SendInDialog("UPDATE", ("Session-Expires", "120;refresher=uac"), ("Supported", "timer"));
        await a.Responses.WaitAsync(r => r.StatusCode == 200 && r.CSeq!.Value.Method == "UPDATE", "200 to the refresh");
        await sw.Network.IdleAsync();
        await sw.AdvanceAsync(TimeSpan.FromSeconds(80));
        Assert.True(sw.Engine.Exists(uuid));

        // No refresh: BYE before the session expires (120 - 32 = 88 s after the last refresh).
        await sw.AdvanceAsync(TimeSpan.FromSeconds(8));
        var bye = await a.WaitForRequestAsync("BYE");
        Assert.Contains("cause=102", bye.GetHeader("Reason"), StringComparison.Ordinal);
        var hangup = await sw.Events.WaitAsync("CHANNEL_HANGUP", uuid);
        Assert.Equal("RECOVERY_ON_TIMER_EXPIRE", hangup.GetHeader("Hangup-Cause"));
        await b.WaitForRequestAsync("BYE");
    }

    [Fact]
    public async Task When_the_switch_is_refresher_it_refreshes_at_half_the_interval()
    {
        var (sw, alice, bob, a, b, uuid) = await BridgedAsync(("Session-Expires", "120;refresher=uas"), ("Supported", "timer"));
        await using var owner = sw;
        Assert.Equal("120;refresher=uas", a.Responses.Items.Single(r => r.StatusCode == 200).GetHeader("Session-Expires"));

        sw.Clock.Advance(TimeSpan.FromSeconds(60));

        var refresh = await a.Requests.WaitAsync(r => r.Method is "UPDATE" or "INVITE", "refresh from the switch");
        Assert.Equal("UPDATE", refresh.Method);
        await sw.Network.IdleAsync();
        await sw.AdvanceAsync(TimeSpan.FromSeconds(100));
        Assert.True(sw.Engine.Exists(uuid));
        Assert.Equal(2, a.Requests.Items.Count(r => r.Method == "UPDATE"));
    }

    [Fact]
    public async Task Too_small_session_interval_gets_422()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1008", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp(), ("Session-Expires", "30"), ("Supported", "timer"));
        var tooSmall = await call.WaitForResponseAsync(422);
        Assert.Equal("90", tooSmall.GetHeader("Min-SE"));
        await sw.WaitForNoCallsAsync();
    }

    [Fact]
    public async Task Out_of_order_cseq_gets_500()
    {
        var (sw, alice, bob, a, b, uuid) = await BridgedAsync();
        await using var owner = sw;
        a.SendInDialog("INFO");
        await a.Responses.WaitAsync(r => r.CSeq!.Value.Method == "INFO" && r.StatusCode == 200, "200 to INFO");

        var stale = a.Dialog!.CreateRequest("INFO").SetHeader("CSeq", "1 INFO").BuildRequest();
        a.Phone.Layer.SendRequest(stale, a.Dialog.Target, (_, r) => a.Responses.Add(r));

        await a.Responses.WaitAsync(r => r.CSeq!.Value.Number == 1 && r.StatusCode == 500, "500 to the stale INFO");
    }
}
