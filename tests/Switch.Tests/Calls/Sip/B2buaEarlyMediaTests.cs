using System.Text;
using Switch.Sip.Message;

namespace Switch.Tests.Calls.Sip;

/// <summary>
/// What the caller hears while the b-leg rings, by FreeSWITCH's <c>ignore_early_media</c>: by default the
/// switch's 183 and ringback for a plain 180 (B2buaBridgeTests), with <c>ring_ready</c> a plain 180 only.
/// </summary>
public sealed class B2buaEarlyMediaTests
{
    private static async Task<(SwitchHarness Sw, TestPhone Bob, PhoneCall A, string Uuid)> SetupAsync()
    {
        var sw = new SwitchHarness();
        var alice = sw.Phone("1008", "192.0.2.55", "1008");
        var bob = sw.Phone("1018", "192.0.2.66");
        await sw.RegisterAsync(bob);
        var a = alice.Call("1018", alice.Sdp(port: 64836, payloadTypes: [8, 0, 101]));
        var uuid = await sw.ParkedUuidAsync(a);
        return (sw, bob, a, uuid);
    }

    /// <summary>Provisional responses the switch sent to the caller, in order.</summary>
    private static List<SipResponse> ProvisionalsTo(SwitchHarness sw, PhoneCall a) =>
        sw.Network.Trace.Select(m => m.Message).OfType<SipResponse>()
            .Where(r => r.CallId == a.CallId && r.StatusCode is > 100 and < 200).ToList();

    [Theory]
    [InlineData("caller")]
    [InlineData("dial string")]
    public async Task With_ring_ready_a_plain_180_from_the_b_leg_reaches_the_caller_as_a_plain_180_without_ringback(string where)
    {
        var (sw, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        var dial = "user/1018";
        if (where == "caller")
        {
            await sw.Engine.SetVariableAsync(uuid, "ignore_early_media", "ring_ready");
        }
        else
        {
            dial = "{ignore_early_media=ring_ready}user/1018";
        }
        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", dial, null);
        var b = await bob.WaitForCallAsync();

        b.Ring();

        var ringing = await a.WaitForResponseAsync(180);
        Assert.True(ringing.Body.IsEmpty);
        Assert.Null(ringing.GetHeader("Content-Type"));
        await sw.Events.WaitAsync("CHANNEL_PROGRESS", uuid);
        await sw.Network.IdleAsync();
        var aliceMedia = sw.Media.Created[0];
        Assert.Null(aliceMedia.Ringback);
        Assert.DoesNotContain("ringback", aliceMedia.Actions);
        Assert.DoesNotContain(sw.Events.All, e => e.Name == "CHANNEL_PROGRESS_MEDIA" && e.UniqueId == uuid);

        // The answer then carries the switch's SDP for the first time, and the legs are bridged.
        b.Answer(bob.Sdp(port: 59974, payloadTypes: [8, 0, 101]));
        var ok = await a.WaitForResponseAsync(200);
        Assert.Contains($"m=audio {aliceMedia.Port} RTP/AVP 8 101", Encoding.UTF8.GetString(ok.Body.Span), StringComparison.Ordinal);
        await sw.Events.WaitAsync("CHANNEL_BRIDGE", uuid);
        await sw.Network.IdleAsync();
        Assert.Same(sw.Media.Created[1], aliceMedia.ConnectedTo);
        Assert.Equal([180], ProvisionalsTo(sw, a).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task With_ring_ready_early_media_from_the_b_leg_is_not_relayed_and_the_caller_gets_a_plain_180()
    {
        var (sw, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        await sw.Engine.SetVariableAsync(uuid, "ignore_early_media", "ring_ready");
        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var b = await bob.WaitForCallAsync();

        b.Progress(bob.Sdp(port: 7000, payloadTypes: [0, 101]));

        var ringing = await a.WaitForResponseAsync(180);
        Assert.True(ringing.Body.IsEmpty);
        await sw.Events.WaitAsync("CHANNEL_PROGRESS", uuid);
        await sw.Network.IdleAsync();
        var aliceMedia = sw.Media.Created[0];
        Assert.Null(aliceMedia.ConnectedTo);
        Assert.Null(aliceMedia.Ringback);
        Assert.Equal([180], ProvisionalsTo(sw, a).Select(r => r.StatusCode));

        b.Answer(bob.Sdp(port: 7000, payloadTypes: [0, 101]));
        await a.WaitForResponseAsync(200);
        await sw.Events.WaitAsync("CHANNEL_BRIDGE", uuid);
        await sw.Network.IdleAsync();
        Assert.Same(sw.Media.Created[1], aliceMedia.ConnectedTo);
    }

    [Fact]
    public async Task Without_the_variable_a_plain_180_from_the_b_leg_gives_the_caller_the_switch_183_and_ringback()
    {
        var (sw, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var b = await bob.WaitForCallAsync();

        b.Ring();

        var early = await a.WaitForResponseAsync(183);
        Assert.False(early.Body.IsEmpty);
        await sw.Events.WaitAsync("CHANNEL_PROGRESS_MEDIA", uuid);
        await sw.Network.IdleAsync();
        Assert.NotNull(sw.Media.Created[0].Ringback);
        Assert.DoesNotContain(180, ProvisionalsTo(sw, a).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task With_ignore_early_media_true_the_caller_hears_the_switch_ringback_instead_of_the_b_leg_early_media()
    {
        var (sw, bob, a, uuid) = await SetupAsync();
        await using var owner = sw;
        await sw.Engine.SetVariableAsync(uuid, "ignore_early_media", "true");
        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var b = await bob.WaitForCallAsync();

        b.Progress(bob.Sdp(port: 7000, payloadTypes: [0, 101]));

        await a.WaitForResponseAsync(183);
        await sw.Network.IdleAsync();
        var aliceMedia = sw.Media.Created[0];
        Assert.NotNull(aliceMedia.Ringback);
        Assert.Null(aliceMedia.ConnectedTo);
    }
}
