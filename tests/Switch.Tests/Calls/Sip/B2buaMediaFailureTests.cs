using Switch.Calls;

namespace Switch.Tests.Calls.Sip;

/// <summary>
/// Calls when RTP ports run out, or when media fails after its port was allocated: every call proceeds or
/// ends with a clear cause, and no channel, SIP leg or media port is left behind.
/// </summary>
public sealed class B2buaMediaFailureTests
{
    private static readonly TimeSpan ParkTimeout = TimeSpan.FromSeconds(30);

    private static SwitchHarness Switch(ScriptedMediaProvider media) =>
        new(engineOptions: new CallEngineOptions { ParkTimeout = ParkTimeout }, media: media);

    private static async Task<(TestPhone Bob, PhoneCall A, string Uuid)> ParkedCallToBobAsync(SwitchHarness sw)
    {
        var alice = sw.Phone("1000", "192.0.2.55");
        var bob = sw.Phone("1018", "192.0.2.66");
        await sw.RegisterAsync(bob);
        var a = alice.Call("1018", alice.Sdp());
        return (bob, a, await sw.ParkedUuidAsync(a));
    }

    private static async Task AssertNothingLeftAsync(SwitchHarness sw, ScriptedMediaProvider media)
    {
        await sw.Network.IdleAsync();
        await sw.WaitForNoCallsAsync();
        await sw.WaitForNoCallsAsync();
        Assert.True(media.AllReleased, "every media allocated must be released");
    }

    [Fact]
    public async Task A_caller_refused_with_503_for_want_of_an_rtp_port_leaves_no_channel()
    {
        var media = new ScriptedMediaProvider(MediaOutcome.Exhausted);
        await using var sw = Switch(media);
        var alice = sw.Phone("1000", "192.0.2.55");

        var refused = alice.Call("5000", alice.Sdp());

        await refused.WaitForResponseAsync(503);
        await AssertNothingLeftAsync(sw, media);
        Assert.Equal(1, media.Refused);
        Assert.DoesNotContain(sw.Events.All, e => e.Name == "CHANNEL_CREATE");

        // A port is free again for the next call, which is parked as usual.
        var next = alice.Call("5000", alice.Sdp());
        await sw.ParkedUuidAsync(next);
        Assert.Equal(1, sw.Engine.ChannelCount);
    }

    [Fact]
    public async Task A_b_leg_without_an_rtp_port_fails_the_bridge_with_SWITCH_CONGESTION_and_the_park_timeout_ends_the_caller()
    {
        var media = new ScriptedMediaProvider(MediaOutcome.Allocated, MediaOutcome.Exhausted);
        await using var sw = Switch(media);
        var (bob, a, uuid) = await ParkedCallToBobAsync(sw);

        await sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("SWITCH_CONGESTION", (await sw.Engine.GetVariableAsync(uuid, "originate_disposition")).Value);
        var bHangup = await sw.Events.WaitAsync(e => e.Name == "CHANNEL_HANGUP" && e.UniqueId != uuid);
        Assert.Equal("SWITCH_CONGESTION", bHangup.GetHeader("Hangup-Cause"));
        await sw.Events.WaitAsync("CHANNEL_DESTROY", bHangup.UniqueId!);
        await sw.Network.IdleAsync();
        Assert.DoesNotContain(sw.Network.Trace, m => m.To.Equals(bob.EndPoint));

        // continue_on_fail: the caller is still there, parked, unanswered, for the controller to decide.
        Assert.Equal(1, sw.Engine.ChannelCount);
        Assert.Equal(1, sw.B2bua.LegCount);
        Assert.DoesNotContain(a.Responses.Items, r => r.StatusCode >= 200);

        // Nobody decides: the park timeout ends it with a clear cause and everything is released.
        await sw.AdvanceAsync(ParkTimeout);
        var aHangup = await sw.Events.WaitAsync("CHANNEL_HANGUP", uuid);
        Assert.Equal("ALLOTTED_TIMEOUT", aHangup.GetHeader("Hangup-Cause"));
        await a.WaitForResponseAsync(480);
        await sw.Events.WaitAsync("CHANNEL_DESTROY", uuid);
        await AssertNothingLeftAsync(sw, media);
    }

    [Fact]
    public async Task With_continue_on_fail_false_a_b_leg_without_an_rtp_port_ends_the_caller_with_503()
    {
        var media = new ScriptedMediaProvider(MediaOutcome.Allocated, MediaOutcome.Exhausted);
        await using var sw = Switch(media);
        var (_, a, uuid) = await ParkedCallToBobAsync(sw);
        Assert.True(await sw.Engine.SetVariableAsync(uuid, "continue_on_fail", "false"));

        await sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        var aHangup = await sw.Events.WaitAsync("CHANNEL_HANGUP", uuid);
        Assert.Equal("SWITCH_CONGESTION", aHangup.GetHeader("Hangup-Cause"));
        var refused = await a.WaitForResponseAsync(503);
        Assert.Contains("cause=42", refused.GetHeader("Reason"), StringComparison.Ordinal);
        await sw.Events.WaitAsync("CHANNEL_DESTROY", uuid);
        await AssertNothingLeftAsync(sw, media);
    }

    [Fact]
    public async Task Media_that_fails_after_its_port_was_allocated_for_the_b_leg_is_released()
    {
        var media = new ScriptedMediaProvider(MediaOutcome.Allocated, MediaOutcome.Faulty);
        await using var sw = Switch(media);
        var (bob, _, uuid) = await ParkedCallToBobAsync(sw);

        await sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("NORMAL_TEMPORARY_FAILURE", (await sw.Engine.GetVariableAsync(uuid, "originate_disposition")).Value);
        await sw.Network.IdleAsync();
        var faulty = Assert.IsType<ScriptedMediaProvider.FaultyMedia>(media.HandedOut[1]);
        Assert.True(faulty.Disposed, "the b-leg's media must be released");
        Assert.DoesNotContain(sw.Network.Trace, m => m.To.Equals(bob.EndPoint));
        Assert.Equal(1, sw.B2bua.LegCount);

        Assert.True(await sw.Engine.HangupAsync(uuid, HangupCause.NormalClearing));
        await sw.Events.WaitAsync("CHANNEL_DESTROY", uuid);
        await AssertNothingLeftAsync(sw, media);
    }

    [Fact]
    public async Task Media_that_fails_after_its_port_was_allocated_for_a_caller_is_released_and_the_caller_refused()
    {
        var media = new ScriptedMediaProvider(MediaOutcome.Faulty);
        await using var sw = Switch(media);
        var alice = sw.Phone("1000", "192.0.2.55");

        var refused = alice.Call("5000", alice.Sdp());

        await refused.WaitForResponseAsync(500);
        await AssertNothingLeftAsync(sw, media);
        Assert.Single(media.HandedOut);
        Assert.DoesNotContain(sw.Events.All, e => e.Name == "CHANNEL_CREATE");
    }

    [Fact]
    public async Task An_originate_whose_leg_gets_no_rtp_port_fails_with_SWITCH_CONGESTION_and_leaves_nothing()
    {
        var media = new ScriptedMediaProvider(MediaOutcome.Exhausted);
        await using var sw = Switch(media);
        var bob = sw.Phone("1018", "192.0.2.66");
        await sw.RegisterAsync(bob);
        Assert.True(DialStringParser.TryParse("user/1018", out var dial, out var error), error);

        var result = await sw.Engine.OriginateAsync(new OriginateRequest(dial, "park", null, null)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(result.Succeeded);
        Assert.Equal(HangupCause.SwitchCongestion, result.Cause);
        Assert.DoesNotContain(sw.Network.Trace, m => m.To.Equals(bob.EndPoint));
        await AssertNothingLeftAsync(sw, media);
    }
}
