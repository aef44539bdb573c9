using System.Globalization;
using Switch.Client;
using Switch.EndToEnd.Support;

namespace Switch.EndToEnd;

/// <summary>
/// Two real softphones (baresip) register with digest, one calls the other through the switch while a controller
/// bridges the parked a-leg to <c>user/1001</c>; each phone must hear the other's tone through the switch's relay.
/// </summary>
public sealed class SoftphoneTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const int CallerTone = 700;
    private const int CalleeTone = 1300;

    [Fact]
    public async Task Baresip_calls_baresip_through_a_controller_bridge_and_each_hears_the_other()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var controller = await TestController.ConnectAsync(sw);
        controller.OnPark = (client, park) => client.ExecuteAsync(park.UniqueId!, "bridge", "user/1001");
        await using var caller = await Baresip.StartAsync("1000", sw.SipPort, CallerTone);
        await using var callee = await Baresip.StartAsync("1001", sw.SipPort, CalleeTone);
        // The phones may register before their control connection is up (and miss REGISTER_OK): ask the switch.
        await WaitForRegistrationsAsync(controller, 2);

        await caller.SendAsync("dial", $"sip:1001@127.0.0.1:{sw.SipPort}");
        await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait);
        await callee.WaitForEventAsync("CALL_ESTABLISHED", Wait);
        var bridge = await controller.WaitForAsync(e => e.Name == "CHANNEL_BRIDGE", Wait, "CHANNEL_BRIDGE");
        var a = bridge["Bridge-A-Unique-ID"]!;
        var b = bridge["Bridge-B-Unique-ID"]!;

        // Three seconds of conversation: 150 packets each way at 20 ms.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await caller.SendAsync("hangup");
        await callee.WaitForEventAsync("CALL_CLOSED", Wait);
        var aDone = await controller.WaitForAsync(e => e.Name == "CHANNEL_HANGUP_COMPLETE" && e.UniqueId == a, Wait, "a-leg HANGUP_COMPLETE");
        var bDone = await controller.WaitForAsync(e => e.Name == "CHANNEL_HANGUP_COMPLETE" && e.UniqueId == b, Wait, "b-leg HANGUP_COMPLETE");
        Assert.Equal("NORMAL_CLEARING", aDone["Hangup-Cause"]);
        Assert.Equal("NORMAL_CLEARING", bDone["Hangup-Cause"]);
        foreach (var leg in new[] { aDone, bDone })
        {
            Assert.True(Count(leg, "rtp_audio_in_packet_count") >= 100, $"{leg.UniqueId} received {leg.GetVariable("rtp_audio_in_packet_count")} packets");
            Assert.True(Count(leg, "rtp_audio_out_packet_count") >= 100, $"{leg.UniqueId} sent {leg.GetVariable("rtp_audio_out_packet_count")} packets");
        }

        // What each phone heard (sndfile's decoded recording): the other phone's tone, not its own or ringback.
        await caller.DisposeAsync();
        await callee.DisposeAsync();
        AssertHeard(caller, CalleeTone, [CallerTone, 440, 480]);
        AssertHeard(callee, CallerTone, [CalleeTone, 440, 480]);
    }

    private static async Task WaitForRegistrationsAsync(TestController controller, int count)
    {
        var deadline = DateTime.UtcNow + Wait;
        string body;
        do
        {
            body = (await controller.Client.ApiAsync("show registrations")).Body;
            if (body.Contains($"{count} total.", StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"not {count} registrations within {Wait}:\n{body}");
    }

    private static long Count(EventMessage e, string variable) =>
        long.TryParse(e.GetVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static void AssertHeard(Baresip phone, double tone, double[] others)
    {
        var path = phone.HeardRecording();
        Assert.True(path is not null, $"baresip {phone.User} recorded nothing in {phone.RecordingsDirectory}");
        var (rate, samples) = MediaAudio.ReadWav(path!);
        Assert.Equal(8000, rate);
        Assert.True(samples.Length >= rate * 2, $"{path}: only {samples.Length} samples");
        // The last half of the call (after any ringback), less the final 100 ms.
        var heard = samples.AsSpan(samples.Length / 2, samples.Length / 2 - rate / 10);
        Assert.True(MediaAudio.Rms(heard) > 500, $"{path}: silence (RMS {MediaAudio.Rms(heard):F0})");
        var dominance = MediaAudio.Dominance(heard, tone, others);
        Assert.True(dominance > 20, $"{path}: {tone} Hz is only {dominance:F1}x the strongest of {string.Join(", ", others)} Hz");
    }
}
