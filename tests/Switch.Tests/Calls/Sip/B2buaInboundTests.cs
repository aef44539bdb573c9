using System.Net;
using Switch.Calls;
using Switch.Calls.Sip;

namespace Switch.Tests.Calls.Sip;

public sealed class B2buaInboundTests
{
    [Fact]
    public async Task Invite_gets_trying_and_becomes_a_parked_channel()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55", "Alice");

        var call = alice.Call("5000", alice.Sdp());

        await call.WaitForResponseAsync(100);
        var uuid = await sw.ParkedUuidAsync(call);
        Assert.Equal(
            ["STATE CS_INIT", "CREATE", "CALLSTATE RINGING", "STATE CS_ROUTING", "STATE CS_EXECUTE", "EXECUTE park", "PARK"],
            sw.Events.Trace(uuid));
        var park = sw.Events.All.Single(e => e.Name == "CHANNEL_PARK");
        Assert.Equal("sofia/internal/1000@192.0.2.10", park.GetHeader("Channel-Name"));
        Assert.Equal("Alice", park.GetHeader("Caller-Caller-ID-Name"));
        Assert.Equal("1000", park.GetHeader("Caller-Caller-ID-Number"));
        Assert.Equal("5000", park.GetHeader("Caller-Destination-Number"));
        Assert.Equal("192.0.2.55", park.GetHeader("Caller-Network-Addr"));
        Assert.Equal("192.0.2.55", park.GetHeader("variable_sip_network_ip"));
        Assert.Equal(call.CallId, park.GetHeader("variable_sip_call_id"));
        Assert.Equal("trusted_networks", park.GetHeader("variable_sip_acl_authed_by"));
        // user@host[:port] values, written on the stack and shared.
        Assert.Equal("1000@192.0.2.10", park.GetHeader("variable_sip_from_uri"));
        Assert.Equal("5000@192.0.2.10", park.GetHeader("variable_sip_to_uri"));
        Assert.Equal("5000@192.0.2.10:5060", park.GetHeader("variable_sip_req_uri"));
        Assert.Equal($"1000@{alice.EndPoint}", park.GetHeader("variable_sip_contact_uri"));
        Assert.Single(sw.Media.Created);
        Assert.DoesNotContain(call.Responses.Items, r => r.StatusCode > 100);
    }

    [Fact]
    public async Task Without_a_controller_the_call_is_refused_with_480()
    {
        await using var sw = new SwitchHarness { HasController = false };
        var alice = sw.Phone("1000", "192.0.2.55");

        var call = alice.Call("5000", alice.Sdp());

        await call.WaitForResponseAsync(480);
        await sw.WaitForNoCallsAsync();
        Assert.Empty(sw.Media.Created);
    }

    [Fact]
    public async Task Untrusted_callers_are_challenged_with_407_and_let_in_with_credentials()
    {
        await using var sw = new SwitchHarness(new SipCallOptions());
        var alice = sw.Phone("1000", "198.51.100.7");

        var first = alice.Call("5000", alice.Sdp());
        var challenge = await first.WaitForResponseAsync(407);
        var header = challenge.GetHeader("Proxy-Authenticate")!;
        Assert.StartsWith("Digest realm=\"192.0.2.10\"", header, StringComparison.Ordinal);
        await sw.WaitForNoCallsAsync();

        var credentials = DigestTestClient.Answer(header, "1000", "1234", "INVITE", "sip:5000@192.0.2.10:5060");
        var second = alice.Call("5000", alice.Sdp(), ("Proxy-Authorization", credentials));
        var uuid = await sw.ParkedUuidAsync(second);
        var (_, user) = await sw.Engine.GetVariableAsync(uuid, "sip_auth_username");
        Assert.Equal("1000", user);
        Assert.Equal("Extension 1000", (await sw.Engine.GetVariableAsync(uuid, "effective_caller_id_name")).Value);
    }

    [Fact]
    public async Task Wrong_credentials_get_403()
    {
        await using var sw = new SwitchHarness(new SipCallOptions());
        var alice = sw.Phone("1000", "198.51.100.7");
        var first = alice.Call("5000", alice.Sdp());
        var header = (await first.WaitForResponseAsync(407)).GetHeader("Proxy-Authenticate")!;
        var credentials = DigestTestClient.Answer(header, "1000", "wrong", "INVITE", "sip:5000@192.0.2.10:5060");
        var second = alice.Call("5000", alice.Sdp(), ("Proxy-Authorization", credentials));
        await second.WaitForResponseAsync(403);
        await sw.WaitForNoCallsAsync();
    }

    [Fact]
    public async Task An_offer_without_a_common_codec_gets_488()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp(payloadTypes: [9]));
        await call.WaitForResponseAsync(488);
        await sw.WaitForNoCallsAsync();
    }

    [Fact]
    public async Task No_free_rtp_port_gets_503()
    {
        await using var sw = new SwitchHarness();
        sw.Media.Exhausted = true;
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp());
        await call.WaitForResponseAsync(503);
    }

    [Fact]
    public async Task Answer_sends_200_with_the_switch_sdp_and_the_ack_confirms()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp(port: 4000, payloadTypes: [8, 0, 101]));
        var uuid = await sw.ParkedUuidAsync(call);

        Assert.True(await sw.Engine.AnswerAsync(uuid));

        var ok = await call.WaitForResponseAsync(200);
        var sdp = System.Text.Encoding.UTF8.GetString(ok.Body.Span);
        var media = sw.Media.Created.Single();
        Assert.Contains("c=IN IP4 192.0.2.10", sdp, StringComparison.Ordinal);
        Assert.Contains($"m=audio {media.Port} RTP/AVP 8 101", sdp, StringComparison.Ordinal);
        Assert.Equal("<sip:5000@192.0.2.10:5060;transport=udp>", ok.GetHeader("Contact"));
        Assert.Equal("PCMA", media.Audio!.Codec.EncodingName);
        Assert.Equal("192.0.2.55", media.Audio.RemoteAddress);
        Assert.Equal(4000, media.Audio.RemotePort);
        var answer = sw.Events.All.Single(e => e.Name == "CHANNEL_ANSWER");
        Assert.Equal("PCMA", answer.GetHeader("Channel-Read-Codec-Name"));
        Assert.Equal("8000", answer.GetHeader("Channel-Read-Codec-Rate"));
    }

    [Fact]
    public async Task Caller_bye_ends_the_channel_with_the_reason_cause()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp());
        var uuid = await sw.ParkedUuidAsync(call);
        await sw.Engine.AnswerAsync(uuid);
        await call.WaitForResponseAsync(200);
        await sw.Network.IdleAsync();

        sw.Media.Created.Single().Statistics = new Switch.Media.RtpStatistics(
            PacketsReceived: 50, BytesReceived: 50 * 172, PacketsSent: 40, BytesSent: 40 * 172, PacketsExpected: 52, PacketsLost: 2,
            JitterMs: 1.25, PacketsDropped: 0, DtmfDigitsReceived: 0, RemoteEndPoint: null, IsLatched: true, SinceLastPacket: null)
        {
            MeanIntervalMs = 20.5, MinIntervalVariance = 0.25, MaxIntervalVariance = 3.5,
        };
        call.SendInDialog("BYE", ("Reason", "Q.850;cause=31;text=\"NORMAL_UNSPECIFIED\""));

        var complete = await sw.Events.WaitAsync("CHANNEL_HANGUP_COMPLETE", uuid);
        Assert.Equal("NORMAL_UNSPECIFIED", complete.GetHeader("Hangup-Cause"));
        Assert.Equal("8600", complete.GetHeader("variable_rtp_audio_in_raw_bytes"));
        Assert.Equal("8000", complete.GetHeader("variable_rtp_audio_in_media_bytes"));
        Assert.Equal("50", complete.GetHeader("variable_rtp_audio_in_packet_count"));
        Assert.Equal("2", complete.GetHeader("variable_rtp_audio_in_skip_packet_count"));
        Assert.Equal("0.25", complete.GetHeader("variable_rtp_audio_in_jitter_min_variance"));
        Assert.Equal("3.50", complete.GetHeader("variable_rtp_audio_in_jitter_max_variance"));
        Assert.Equal("20.50", complete.GetHeader("variable_rtp_audio_in_mean_interval"));
        Assert.Equal("1.25", complete.GetHeader("variable_rtp_audio_in_interarrival_jitter_ms"));
        Assert.Equal("6880", complete.GetHeader("variable_rtp_audio_out_raw_bytes"));
        Assert.Equal("6400", complete.GetHeader("variable_rtp_audio_out_media_bytes"));
        Assert.Equal("40", complete.GetHeader("variable_rtp_audio_out_packet_count"));
        Assert.Equal("recv_bye", complete.GetHeader("variable_sip_hangup_disposition"));
        await call.WaitForResponseAsync(200);
        Assert.True(sw.Media.Created.Single().Disposed);
        await sw.WaitForNoCallsAsync();
    }

    [Fact]
    public async Task Kill_before_answer_sends_the_mapped_status_with_a_reason()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp());
        var uuid = await sw.ParkedUuidAsync(call);

        await sw.Engine.HangupAsync(uuid, HangupCause.UserBusy);

        var busy = await call.WaitForResponseAsync(486);
        Assert.Equal("Q.850;cause=17;text=\"USER_BUSY\"", busy.GetHeader("Reason"));
    }

    [Fact]
    public async Task Kill_after_answer_sends_bye_with_reason()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp());
        var uuid = await sw.ParkedUuidAsync(call);
        await sw.Engine.AnswerAsync(uuid);
        await call.WaitForResponseAsync(200);
        await sw.Network.IdleAsync();

        await sw.Engine.HangupAsync(uuid, HangupCause.NormalClearing);

        var bye = await call.WaitForRequestAsync("BYE");
        Assert.Equal("Q.850;cause=16;text=\"NORMAL_CLEARING\"", bye.GetHeader("Reason"));
        Assert.Equal(call.Dialog!.Id.RemoteTag, bye.FromTag);
    }

    [Fact]
    public async Task Cancel_before_answer_gets_487_and_originator_cancel()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp());
        var uuid = await sw.ParkedUuidAsync(call);
        await sw.Engine.RingReadyAsync(uuid);
        await call.WaitForResponseAsync(180);

        call.Cancel();

        await call.WaitForResponseAsync(487);
        var hangup = await sw.Events.WaitAsync("CHANNEL_HANGUP", uuid);
        Assert.Equal("ORIGINATOR_CANCEL", hangup.GetHeader("Hangup-Cause"));
        Assert.Equal("recv_cancel", hangup.GetHeader("variable_sip_hangup_disposition"));
    }

    [Fact]
    public async Task Late_offer_invite_is_answered_with_an_offer_and_the_ack_answer_is_applied()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", sdp: null);
        var uuid = await sw.ParkedUuidAsync(call);

        await sw.Engine.AnswerAsync(uuid);

        var ok = await call.WaitForResponseAsync(200);
        Assert.Contains("m=audio", System.Text.Encoding.UTF8.GetString(ok.Body.Span), StringComparison.Ordinal);
        await sw.Network.IdleAsync();
        var media = sw.Media.Created.Single();
        Assert.NotNull(media.Audio);
        Assert.Equal(4000, media.Audio!.RemotePort);
    }

    [Fact]
    public async Task Unacknowledged_200_ends_the_call_with_bye()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp());
        call.AutoAck = false;
        var uuid = await sw.ParkedUuidAsync(call);
        await sw.Engine.AnswerAsync(uuid);
        await call.WaitForResponseAsync(200);
        await sw.Network.IdleAsync();

        sw.Clock.Advance(TimeSpan.FromSeconds(32));

        var hangup = await sw.Events.WaitAsync("CHANNEL_HANGUP", uuid);
        Assert.Equal("RECOVERY_ON_TIMER_EXPIRE", hangup.GetHeader("Hangup-Cause"));
        await call.WaitForRequestAsync("BYE");
    }

    [Fact]
    public async Task Unknown_dialog_requests_get_481()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp());
        var uuid = await sw.ParkedUuidAsync(call);
        await sw.Engine.AnswerAsync(uuid);
        await call.WaitForResponseAsync(200);
        await sw.Network.IdleAsync();
        await sw.Engine.HangupAsync(uuid, HangupCause.NormalClearing);
        await call.WaitForRequestAsync("BYE");

        call.SendInDialog("INFO");

        await call.WaitForResponseAsync(481);
    }

    [Fact]
    public async Task Unsupported_required_extensions_get_420()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp(), ("Require", "100rel"));
        var refused = await call.WaitForResponseAsync(420);
        Assert.Equal("100rel", refused.GetHeader("Unsupported"));
        await sw.WaitForNoCallsAsync();
    }

    [Fact]
    public async Task Sip_info_dtmf_is_answered_200_and_becomes_a_dtmf_event_from_info()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp());
        var uuid = await sw.ParkedUuidAsync(call);
        await sw.Engine.AnswerAsync(uuid);
        await call.WaitForResponseAsync(200);
        await sw.Network.IdleAsync();

        call.SendInfo("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n");
        var first = await sw.Events.WaitAsync("DTMF", uuid);
        Assert.Equal("5", first.GetHeader("DTMF-Digit"));
        Assert.Equal("1280", first.GetHeader("DTMF-Duration"));
        Assert.Equal("INFO", first.GetHeader("DTMF-Source"));

        call.SendInfo("application/dtmf", "#");
        var second = await sw.Events.WaitAsync(e => e.Name == "DTMF" && e.GetHeader("DTMF-Digit") == "#");
        Assert.Equal("2000", second.GetHeader("DTMF-Duration"));

        call.SendInfo("application/dtmf-relay", "Signal=X");
        await call.Responses.WaitAsync(r => r.CSeq!.Value.Method == "INFO" && r.StatusCode == 400, "400 to bad INFO");
        Assert.Equal(2, call.Responses.Items.Count(r => r.CSeq!.Value.Method == "INFO" && r.StatusCode == 200));
        Assert.Equal(2, sw.Events.All.Count(e => e.Name == "DTMF"));
    }

    [Fact]
    public async Task Dtmf_from_the_media_and_playback_to_it_reach_the_channel()
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1000", "192.0.2.55");
        var call = alice.Call("5000", alice.Sdp());
        var uuid = await sw.ParkedUuidAsync(call);
        await sw.Engine.AnswerAsync(uuid);
        var media = sw.Media.Created.Single();

        media.DtmfReceived!(new Switch.Media.DtmfDigit('7', 1600));
        var dtmf = await sw.Events.WaitAsync("DTMF", uuid);
        Assert.Equal("7", dtmf.GetHeader("DTMF-Digit"));
        Assert.Equal("1600", dtmf.GetHeader("DTMF-Duration"));

        var play = sw.Engine.ExecuteApplicationAsync(uuid, "playback", "/sounds/welcome.wav", null).AsTask();
        await sw.Events.WaitAsync("PLAYBACK_START", uuid);
        Assert.Equal("/sounds/welcome.wav", media.Playing!.Value.Source);
        media.Finish(Switch.Media.PlaybackStatus.NotFound);
        Assert.Equal("FILE NOT FOUND", (await play.WaitAsync(TimeSpan.FromSeconds(10))).Response);
        Assert.Equal(1, media.Loops);

        var endless = sw.Engine.ExecuteApplicationAsync(uuid, "endless_playback", "/sounds/moh.wav", null).AsTask();
        await sw.Events.WaitAsync(e => e.Name == "PLAYBACK_START" && e.GetHeader("Playback-File-Path") == "/sounds/moh.wav");
        Assert.Equal(Switch.Media.Playback.Endless, media.Loops);
        Assert.True(await sw.Engine.BreakAsync(uuid));
        Assert.Equal("FILE PLAYED", (await endless.WaitAsync(TimeSpan.FromSeconds(10))).Response);
        Assert.True(await sw.Engine.SendDtmfAsync(uuid, "42"));
        Assert.Contains("dtmf 42", media.Actions);
    }
}
