using System.Text;
using Switch.Calls.Sip;
using Switch.Media;
using Switch.Tests.Media;

namespace Switch.Tests.Calls.Sip;

/// <summary>
/// The B2BUA with the real RTP relay on loopback: SIP on the in-memory network, RTP between real UDP sockets
/// and the switch's media legs, which anchor, relay both ways and report DTMF.
/// </summary>
public sealed class AnchoredMediaTests
{
    [Fact]
    public async Task Rtp_is_relayed_between_bridged_legs_through_the_switch_ports()
    {
        await using var rig = new MediaRig(pairs: 10);
        await using var sw = new SwitchHarness(media: new AnchoredMediaProvider(rig.Engine));
        var alice = sw.Phone("1008", "192.0.2.55");
        var bob = sw.Phone("1018", "192.0.2.66");
        await sw.RegisterAsync(bob);
        var aliceRtp = rig.Phone(0x0a11ce00);
        var bobRtp = rig.Phone(0x0b0b0000);

        var a = alice.Call("1018", TestPhone.Sdp("127.0.0.1", aliceRtp.EndPoint.Port));
        var uuid = await sw.ParkedUuidAsync(a);
        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var b = await bob.WaitForCallAsync();
        var bobSide = Port(Encoding.UTF8.GetString(b.InviteRequest.Body.Span));
        b.Answer(TestPhone.Sdp("127.0.0.1", bobRtp.EndPoint.Port));
        var ok = await a.WaitForResponseAsync(200);
        var aliceSide = Port(Encoding.UTF8.GetString(ok.Body.Span));
        await sw.Events.WaitAsync("CHANNEL_BRIDGE", uuid);
        Assert.NotEqual(aliceSide, bobSide);

        var payload = new byte[160];
        payload.AsSpan().Fill(0x55);
        aliceRtp.SendAudio(new(System.Net.IPAddress.Loopback, aliceSide), 0, payload);
        var atBob = await bobRtp.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(bobSide, atBob.From.Port);
        Assert.Equal(payload, atBob.Payload);

        payload.AsSpan().Fill(0x22);
        bobRtp.SendAudio(new(System.Net.IPAddress.Loopback, bobSide), 0, payload);
        var atAlice = await aliceRtp.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(aliceSide, atAlice.From.Port);
        Assert.Equal(payload, atAlice.Payload);

        aliceRtp.SendPress(new(System.Net.IPAddress.Loopback, aliceSide), 101, '9', 800);
        var dtmf = await sw.Events.WaitAsync("DTMF", uuid);
        Assert.Equal("9", dtmf.GetHeader("DTMF-Digit"));

        var inUse = rig.Engine.Ports.InUse;
        a.Bye();
        await sw.Events.WaitAsync(e => e.Name == "CHANNEL_DESTROY" && e.UniqueId != uuid);
        await MediaRig.WaitUntil(() => rig.Engine.Ports.InUse == inUse - 2, "both RTP ports back in the pool");
    }

    private static int Port(string sdp)
    {
        var m = sdp.Split("\r\n").First(l => l.StartsWith("m=audio ", StringComparison.Ordinal));
        return int.Parse(m.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
