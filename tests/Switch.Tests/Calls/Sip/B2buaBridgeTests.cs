using System.Text;
using Switch.Calls;

namespace Switch.Tests.Calls.Sip;

/// <summary>The seed capture's flow (1008 calls 1018 through the switch) and its variations.</summary>
public sealed class B2buaBridgeTests
{
    private static async Task<(SwitchHarness Sw, TestPhone Alice, TestPhone Bob, PhoneCall A, string Uuid)> SetupAsync(
        string? aliceSdp = null, string bobContactHost = "10.0.0.66:36841")
    {
        var sw = new SwitchHarness();
        var alice = sw.Phone("1008", "192.0.2.55", "1008");
        var bob = sw.Phone("1018", "192.0.2.66");
        await sw.RegisterAsync(bob, bobContactHost);
        var a = alice.Call("1018", aliceSdp ?? alice.Sdp(port: 64836, payloadTypes: [8, 0, 101]));
        var uuid = await sw.ParkedUuidAsync(a);
        return (sw, alice, bob, a, uuid);
    }

    [Fact]
    public async Task Bridge_to_a_registered_user_follows_the_seed_flow()
    {
        var (sw, alice, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;

        var bridge = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null).AsTask();
        var b = await bob.WaitForCallAsync();
        var invite = b.InviteRequest;

        // The b-leg INVITE: to the binding's contact, sent to its received address (NAT), caller id in three places.
        Assert.Equal("sip:1018@10.0.0.66:36841", invite.RequestUri.ToString());
        Assert.Contains(sw.Network.Trace, m => ReferenceEquals(m.Message, invite) || (m.Message is Switch.Sip.Message.SipRequest r
            && r.IsInvite && r.CallId == invite.CallId && m.To.Equals(bob.EndPoint)));
        Assert.NotEqual(a.CallId, invite.CallId);
        Assert.Equal("69", invite.GetHeader("Max-Forwards"));
        Assert.StartsWith("\"1008\" <sip:1008@192.0.2.10>;tag=", invite.GetHeader("From"), StringComparison.Ordinal);
        Assert.Equal("\"1008\" <sip:1008@192.0.2.10>;party=calling;screen=yes;privacy=off", invite.GetHeader("Remote-Party-ID"));
        Assert.Equal("\"1008\" <sip:1008@192.0.2.10>", invite.GetHeader("P-Asserted-Identity"));
        Assert.Equal("<sip:mod_sofia@192.0.2.10:5060>", invite.GetHeader("Contact"));
        var offer = Encoding.UTF8.GetString(invite.Body.Span);
        Assert.Contains("c=IN IP4 192.0.2.10", offer, StringComparison.Ordinal);
        Assert.Contains("RTP/AVP 8 0 101", offer, StringComparison.Ordinal);

        // 180 from bob: alice gets 183 with the switch's SDP and hears ringback.
        b.Ring();
        var early = await a.WaitForResponseAsync(183);
        var aliceMedia = sw.Media.Created[0];
        Assert.Contains($"m=audio {aliceMedia.Port} RTP/AVP 8 101", Encoding.UTF8.GetString(early.Body.Span), StringComparison.Ordinal);
        await sw.Network.IdleAsync();
        await sw.Events.WaitAsync("CHANNEL_PROGRESS_MEDIA", uuid);
        Assert.NotNull(aliceMedia.Ringback);

        // 200 from bob: ACK to bob, 200 to alice with the same SDP as the 183, ACK from alice, bridge.
        b.Answer(bob.Sdp(port: 59974, payloadTypes: [8, 0, 101]));
        await b.WaitForRequestAsync("ACK");
        var ok = await a.WaitForResponseAsync(200);
        Assert.Equal(Encoding.UTF8.GetString(early.Body.Span), Encoding.UTF8.GetString(ok.Body.Span));
        var bridged = await sw.Events.WaitAsync("CHANNEL_BRIDGE", uuid);
        var bUuid = bridged.GetHeader("Bridge-B-Unique-ID")!;
        // outbound-use-uuid-as-callid: the b-leg's Call-ID is its channel uuid.
        Assert.Equal(bUuid, invite.CallId);
        // The b-leg presents the caller's id: both profiles keep one calling party.
        Assert.Same(sw.Engine.Registry.Find(uuid)!.Profile.Party, sw.Engine.Registry.Find(bUuid)!.Profile.Party);
        var bobMedia = sw.Media.Created[1];
        await sw.Network.IdleAsync();
        Assert.Same(bobMedia, aliceMedia.ConnectedTo);
        Assert.Null(aliceMedia.Ringback);
        Assert.Equal(59974, bobMedia.Audio!.RemotePort);
        Assert.Equal("192.0.2.66", bobMedia.Audio.RemoteAddress);
        Assert.Contains(sw.Events.All, e => e.Name == "CHANNEL_ANSWER" && e.UniqueId == uuid);
        Assert.Contains(sw.Events.All, e => e.Name == "CHANNEL_ANSWER" && e.UniqueId == bUuid);

        // bob hangs up: 200 to bob's BYE, BYE to alice with the Reason header, both channels end.
        b.Bye();
        await b.WaitForResponseAsync(200);
        var bye = await a.WaitForRequestAsync("BYE");
        Assert.Equal("Q.850;cause=16;text=\"NORMAL_CLEARING\"", bye.GetHeader("Reason"));
        await sw.Events.WaitAsync("CHANNEL_DESTROY", uuid);
        await sw.Events.WaitAsync("CHANNEL_DESTROY", bUuid);
        await bridge.WaitAsync(TimeSpan.FromSeconds(10));
        await sw.WaitForNoCallsAsync();
        await sw.Network.IdleAsync();
        Assert.All(sw.Media.Created, m => Assert.True(m.Disposed));
        await sw.WaitForNoCallsAsync();
    }

    [Fact]
    public async Task Calls_from_one_phone_keep_one_copy_of_the_values_they_repeat()
    {
        var (sw, alice, _, a, uuid) = await SetupAsync();
        await using var owner = sw;
        var second = await sw.ParkedUuidAsync(alice.Call("1018", alice.Sdp(port: 64838, payloadTypes: [8, 0, 101])));

        var one = sw.Engine.Registry.Find(uuid)!;
        var two = sw.Engine.Registry.Find(second)!;
        Assert.Same(one.Name, two.Name);
        Assert.Same(one.Profile.Party, two.Profile.Party);
        foreach (var name in new[] { "sip_from_uri", "sip_contact_uri", "sip_network_ip", "presence_id", "sip_req_uri" })
        {
            Assert.Same(one.Variables[name], two.Variables[name]);
        }
        Assert.NotEqual(one.Variables["sip_call_id"], two.Variables["sip_call_id"]);
        // switch_r_sdp: the caller's offer as the switch keeps it (UTF-8), the same text as it passes on.
        Assert.Contains("m=audio 64836 RTP/AVP 8 0 101", one.Variables["switch_r_sdp"], StringComparison.Ordinal);
        Assert.Contains("m=audio 64838 RTP/AVP 8 0 101", two.Variables["switch_r_sdp"], StringComparison.Ordinal);
        Assert.Equal(a.CallId, one.Variables["sip_call_id"]);
    }

    [Fact]
    public async Task Caller_hangup_sends_bye_to_the_b_leg()
    {
        var (sw, alice, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var b = await bob.WaitForCallAsync();
        b.Answer();
        await a.WaitForResponseAsync(200);
        await sw.Events.WaitAsync("CHANNEL_BRIDGE", uuid);
        await sw.Network.IdleAsync();

        a.Bye();

        var bye = await b.WaitForRequestAsync("BYE");
        Assert.Equal("Q.850;cause=16;text=\"NORMAL_CLEARING\"", bye.GetHeader("Reason"));
        await a.WaitForResponseAsync(200);
        await sw.Events.WaitAsync(e => e.Name == "CHANNEL_DESTROY" && e.UniqueId != uuid);
    }

    [Theory]
    [InlineData(486, "USER_BUSY", "BUSY")]
    [InlineData(480, "NO_USER_RESPONSE", "NOANSWER")]
    [InlineData(404, "UNALLOCATED_NUMBER", "UNALLOCATED_NUMBER")]
    [InlineData(603, "CALL_REJECTED", "DONTCALL")]
    public async Task A_failing_b_leg_leaves_the_caller_parked(int status, string cause, string dialStatus)
    {
        var (sw, alice, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        var bridge = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null).AsTask();
        var b = await bob.WaitForCallAsync();

        b.Reject(status);

        await bridge.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(cause, (await sw.Engine.GetVariableAsync(uuid, "originate_disposition")).Value);
        Assert.Equal(dialStatus, (await sw.Engine.GetVariableAsync(uuid, "DIALSTATUS")).Value);
        var bHangup = sw.Events.All.Single(e => e.Name == "CHANNEL_HANGUP_COMPLETE");
        Assert.Equal(cause, bHangup.GetHeader("Hangup-Cause"));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), bHangup.GetHeader("variable_sip_term_status"));
        Assert.True(sw.Engine.Exists(uuid));
        await sw.Network.IdleAsync();
        Assert.Contains(sw.Network.Trace, m => m.Message is Switch.Sip.Message.SipRequest { IsAck: true } && m.To.Equals(bob.EndPoint));
        Assert.DoesNotContain(a.Responses.Items, r => r.StatusCode >= 200);
    }

    [Fact]
    public async Task Reason_header_on_a_failure_overrides_the_status_mapping()
    {
        var (sw, alice, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        var bridge = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null).AsTask();
        var b = await bob.WaitForCallAsync();
        b.Invite!.TrySendResponse(b.Invite.CreateResponseBuilder(480).AddHeader("Reason", "Q.850;cause=21").BuildResponse());
        await bridge.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("CALL_REJECTED", (await sw.Engine.GetVariableAsync(uuid, "originate_disposition")).Value);
    }

    [Fact]
    public async Task Unregistered_user_fails_without_an_invite()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1008", "192.0.2.55");
        var a = alice.Call("1019", alice.Sdp());
        var uuid = await sw.ParkedUuidAsync(a);
        await sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1019", null);
        Assert.Equal("USER_NOT_REGISTERED", (await sw.Engine.GetVariableAsync(uuid, "originate_disposition")).Value);
        var unknown = await sw.Engine.OriginateAsync(new OriginateRequest(Dial("user/4242"), "park", null, null));
        Assert.Equal("SUBSCRIBER_ABSENT", HangupCauses.ToName(unknown.Cause));
        Assert.DoesNotContain(sw.Network.Trace, m => m.Message is Switch.Sip.Message.SipRequest { IsInvite: true } r && r.CallId != a.CallId);
    }

    [Fact]
    public async Task No_answer_within_call_timeout_cancels_the_b_leg()
    {
        var (sw, alice, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        await sw.Engine.SetVariableAsync(uuid, "call_timeout", "20");
        var bridge = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null).AsTask();
        var b = await bob.WaitForCallAsync();
        b.Ring();
        await a.WaitForResponseAsync(183);
        await sw.Network.IdleAsync();

        sw.Clock.Advance(TimeSpan.FromSeconds(20));

        var cancel = await b.WaitForRequestAsync("CANCEL");
        Assert.Equal("Q.850;cause=19;text=\"NO_ANSWER\"", cancel.GetHeader("Reason"));
        await bridge.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("NO_ANSWER", (await sw.Engine.GetVariableAsync(uuid, "originate_disposition")).Value);
        await sw.Network.IdleAsync();
        Assert.Contains(sw.Network.Trace, m => m.Message is Switch.Sip.Message.SipResponse { StatusCode: 487 } && m.From.Equals(bob.EndPoint));
    }

    [Fact]
    public async Task Caller_cancel_while_ringing_cancels_the_b_leg()
    {
        var (sw, alice, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var b = await bob.WaitForCallAsync();
        b.Ring();
        await a.WaitForResponseAsync(183);

        a.Cancel();

        await a.WaitForResponseAsync(487);
        var cancel = await b.WaitForRequestAsync("CANCEL");
        Assert.Equal(b.InviteRequest.CallId, cancel.CallId);
        // FreeSWITCH's Reason for a cause above 127 (ESL-PROTOCOL.md §7.4, mod_sofia's hangup): SIP with its own number.
        Assert.Equal("SIP;cause=487;text=\"ORIGINATOR_CANCEL\"", cancel.GetHeader("Reason"));
        await sw.Events.WaitAsync(e => e.Name == "CHANNEL_HANGUP" && e.UniqueId != uuid && e.GetHeader("Hangup-Cause") == "ORIGINATOR_CANCEL");
        await sw.Events.WaitAsync("CHANNEL_DESTROY", uuid);
    }

    [Fact]
    public async Task A_200_crossing_our_cancel_is_acknowledged_and_ended_with_bye()
    {
        var (sw, alice, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var b = await bob.WaitForCallAsync();
        b.Ring();
        await a.WaitForResponseAsync(183);
        await sw.Network.IdleAsync();
        // bob's 200 and alice's CANCEL cross in the switch. Whichever wins, nobody is left connected: either the
        // CANCEL ends alice and bob's late 200 is ACKed and BYEd, or alice is answered and her UA BYEs (RFC 3261 §9.1).
        b.Answer();
        a.Cancel();

        await b.WaitForRequestAsync("ACK");
        await b.WaitForRequestAsync("BYE");
        await sw.Events.WaitAsync("CHANNEL_DESTROY", uuid);
        await sw.Events.WaitAsync(e => e.Name == "CHANNEL_DESTROY" && e.UniqueId != uuid);
        await sw.Network.IdleAsync();
        await sw.WaitForNoCallsAsync();
        var cause = sw.Events.All.Single(e => e.Name == "CHANNEL_HANGUP" && e.UniqueId == uuid).GetHeader("Hangup-Cause");
        Assert.Contains(cause, new[] { "ORIGINATOR_CANCEL", "NORMAL_CLEARING" });
    }

    [Fact]
    public async Task Parallel_bindings_ring_at_once_and_the_loser_is_cancelled()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1008", "192.0.2.55");
        var desk = sw.Phone("1018", "192.0.2.66");
        var mobile = sw.Phone("1018", "192.0.2.77");
        await sw.RegisterAsync(desk);
        await sw.RegisterAsync(mobile);
        var a = alice.Call("1018", alice.Sdp());
        var uuid = await sw.ParkedUuidAsync(a);

        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var onDesk = await desk.WaitForCallAsync();
        var onMobile = await mobile.WaitForCallAsync();
        onMobile.Answer();

        var cancel = await onDesk.WaitForRequestAsync("CANCEL");
        Assert.Equal(onDesk.CallId, cancel.CallId);
        Assert.Equal("SIP;cause=200;text=\"Call completed elsewhere\"", cancel.GetHeader("Reason"));
        await a.WaitForResponseAsync(200);
        var bridge = await sw.Events.WaitAsync("CHANNEL_BRIDGE", uuid);
        Assert.Equal("sofia/internal/1018@192.0.2.77:5060", sw.Events.All.First(e => e.UniqueId == bridge.GetHeader("Bridge-B-Unique-ID")).GetHeader("Channel-Name"));
    }

    [Fact]
    public async Task Early_media_from_the_b_leg_is_relayed_to_the_caller()
    {
        var (sw, alice, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var b = await bob.WaitForCallAsync();

        b.Progress(bob.Sdp(port: 7000, payloadTypes: [0, 101]));

        await a.WaitForResponseAsync(183);
        await sw.Network.IdleAsync();
        await sw.Events.WaitAsync("CHANNEL_PROGRESS_MEDIA", uuid);
        var aliceMedia = sw.Media.Created[0];
        var bobMedia = sw.Media.Created[1];
        Assert.Same(bobMedia, aliceMedia.ConnectedTo);
        Assert.Null(aliceMedia.Ringback);
        Assert.Equal("PCMU", bobMedia.Audio!.Codec.EncodingName);
        Assert.Equal("PCMU", aliceMedia.Audio!.Codec.EncodingName);
    }

    [Fact]
    public async Task Bypass_media_passes_sdp_end_to_end()
    {
        var (sw, alice, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        await sw.Engine.SetVariableAsync(uuid, "bypass_media", "true");
        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var b = await bob.WaitForCallAsync();
        Assert.Contains("c=IN IP4 192.0.2.55", Encoding.UTF8.GetString(b.InviteRequest.Body.Span), StringComparison.Ordinal);
        var bobSdp = bob.Sdp(port: 59974);
        b.Answer(bobSdp);
        var ok = await a.WaitForResponseAsync(200);
        Assert.Contains("c=IN IP4 192.0.2.66", Encoding.UTF8.GetString(ok.Body.Span), StringComparison.Ordinal);
        Assert.Contains("m=audio 59974", Encoding.UTF8.GetString(ok.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Originate_calls_a_phone_and_parks_it_then_uuid_bridge_joins_the_caller()
    {
        var (sw, alice, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        var originate = sw.Engine.OriginateAsync(new OriginateRequest(Dial("{origination_uuid=aaaaaaaa-0000-4000-8000-000000000001}user/1018"), "park", null, null));
        var b = await bob.WaitForCallAsync();
        b.Answer(bob.Sdp(payloadTypes: [0]));
        var result = await originate.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("aaaaaaaa-0000-4000-8000-000000000001", result.Uuid);
        await b.WaitForRequestAsync("ACK");

        Assert.Equal(result.Uuid, await sw.Engine.BridgeAsync(uuid, result.Uuid!));

        var ok = await a.WaitForResponseAsync(200);
        Assert.Contains(" RTP/AVP 0 101", Encoding.UTF8.GetString(ok.Body.Span), StringComparison.Ordinal);
        await sw.Network.IdleAsync();
        Assert.Same(sw.Media.Created[1], sw.Media.Created[0].ConnectedTo);
    }

    private static Switch.Calls.DialString Dial(string text)
    {
        Assert.True(DialStringParser.TryParse(text, out var d, out var e), e);
        return d;
    }
}
