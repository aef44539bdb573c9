using System.Globalization;
using Switch.Client;
using Switch.EndToEnd.Support;

namespace Switch.EndToEnd;

/// <summary>
/// Issue #6's "done means" against the built switch: sipp plays a tone and RFC 4733 key presses from pcaps
/// into a recorded call (DTMF events once per digit, the tone in the WAV), and a parked caller hears a
/// playback (RTP received and decoded by the test).
/// </summary>
public sealed class MediaTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly double[] OtherBins = [300, 500, 700, 1300, 1500, 2000, 2500, 3000];

    private static async Task<SwitchProcess> StartTrustingLoopbackAsync()
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("switch-media-").FullName, "switch.json");
        await File.WriteAllTextAsync(config, """{ "Sip": { "TrustedNetworks": [ "127.0.0.1/32" ] } }""");
        return await SwitchProcess.StartAsync(extraArgs: ["--config", config]);
    }

    /// <summary>Runs the controller's decision for the parked inbound leg and reports its failure to the test.</summary>
    private static TaskCompletionSource<string> OnPark(TestController controller, Func<EventSocketClient, string, Task> decide)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        controller.OnPark = async (client, park) =>
        {
            try
            {
                await decide(client, park.UniqueId!);
                done.TrySetResult(park.UniqueId!);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        };
        return done;
    }

    [Fact]
    public async Task Dtmf_and_a_tone_played_by_sipp_from_pcaps_become_one_DTMF_event_per_key_and_a_recording_holding_the_tone()
    {
        await using var sw = await StartTrustingLoopbackAsync();
        await using var controller = await TestController.ConnectAsync(sw);
        var work = Directory.CreateTempSubdirectory("switch-media-pcap-").FullName;
        foreach (var pcap in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "EndToEnd", "Fixtures"), "*.pcap"))
        {
            File.Copy(pcap, Path.Combine(work, Path.GetFileName(pcap)));
        }
        // 1 s of 1 kHz, continuing into the DTMF captures' stream (their SSRC; digit 1 starts at seq 7984, ts 13280).
        MediaPcap.Write(Path.Combine(work, "tone-1khz.pcap"), MediaPcap.MuLawTone(1000, 8000, 50, 0x0e05384e, 7984, 13280));
        var wav = Path.Combine(sw.DataDir, "recordings", "pcap-call.wav");

        // The recording starts before the answer, so it holds everything the caller sends once answered.
        var parked = OnPark(controller, async (client, uuid) =>
        {
            var record = await client.ApiAsync($"uuid_record {uuid} start {wav}");
            Assert.Equal("+OK Success\n", record.Body);
            await client.ExecuteAsync(uuid, "answer");
        });

        var sipp = await ExternalTool.RunAsync("sipp",
        [
            $"127.0.0.1:{sw.SipPort}", "-sf", Path.Combine(RepoPaths.Scenarios, "uac-media-pcap.xml"), "-s", "5000",
            "-i", "127.0.0.1", "-p", FreePorts.TcpAndUdp().ToString(CultureInfo.InvariantCulture),
            "-mp", FreePorts.UdpRange(4).ToString(CultureInfo.InvariantCulture),
            "-m", "1", "-nostdin", "-timeout", "20s", "-timeout_error",
        ], TimeSpan.FromSeconds(30), workingDirectory: work);
        Assert.True(sipp.ExitCode == 0, sipp.ToString());
        var uuid = await parked.Task.WaitAsync(Wait);

        var stop = await controller.WaitForAsync(e => e.Name == "RECORD_STOP" && e.UniqueId == uuid, Wait, "RECORD_STOP");
        Assert.Equal(wav, stop["Record-File-Path"]);
        var complete = await controller.WaitForAsync(e => e.Name == "CHANNEL_HANGUP_COMPLETE" && e.UniqueId == uuid, Wait, "CHANNEL_HANGUP_COMPLETE");

        // One DTMF event per key press, in order, despite the three end packets of each.
        var dtmf = controller.Events.Where(e => e.Name == "DTMF" && e.UniqueId == uuid).ToList();
        Assert.Equal(["1", "5", "9", "#"], dtmf.Select(e => e["DTMF-Digit"]));
        Assert.All(dtmf, e => Assert.Equal("2240", e["DTMF-Duration"]));
        Assert.All(dtmf, e => Assert.Equal("RTP", e["DTMF-Source"]));

        // The recording: 8 kHz mono PCM holding 1 s of the 1 kHz tone at the level sent. The recorder writes one
        // frame per 20 ms tick and silence when nothing arrived, so a late packet (a busy machine) may leave a gap
        // inside the tone: the checks hold with gaps but not with audio lost, duplicated, re-scaled or re-pitched.
        var (rate, samples) = MediaAudio.ReadWav(wav);
        Assert.Equal(8000, rate);
        var frames = Enumerable.Range(0, samples.Length / 160).Select(i => samples.AsSpan(i * 160, 160).ToArray()).ToList();
        var loud = frames.Select((f, i) => (Frame: f, Index: i)).Where(f => MediaAudio.Rms(f.Frame) > 1000).ToList();
        Assert.True(loud.Count is >= 45 and <= 60,
            $"the 1 s tone should fill about 50 frames of the recording, found {loud.Count} loud frames of {frames.Count}");
        // All of it: the energy of the whole file is that of 8000 samples of a sine of amplitude 8000 (within 10 %).
        var toneSamples = samples.Sum(x => (double)x * x) / (8000.0 * 8000 / 2);
        Assert.InRange(toneSamples, 7200, 8800);
        Assert.InRange(samples.Max(x => Math.Abs((int)x)), 7500, 8500);
        // At 1 kHz: summed over the loud frames (each phase-continuous), 1 kHz outweighs every other bin.
        var at1k = loud.Sum(f => Switch.Media.Goertzel.Power(f.Frame, 1000));
        foreach (var other in OtherBins)
        {
            var atOther = loud.Sum(f => Switch.Media.Goertzel.Power(f.Frame, other));
            Assert.True(at1k > 100 * atOther, $"1 kHz should dominate the recorded tone; {other} Hz has {atOther / at1k:P3} of its power");
        }
        // Away from the tone (and during the key presses, which are not audio) the recording is silent.
        var quiet = frames.Where((_, i) => !loud.Any(l => Math.Abs(l.Index - i) <= 1)).SelectMany(f => f).ToArray();
        Assert.True(MediaAudio.Rms(quiet) < 50, $"away from the tone the recording should be silent, RMS {MediaAudio.Rms(quiet):0.0}");

        // The caller's stream as the switch counted it: the tone's 50 packets and the 4 x 10 event packets.
        Assert.Equal("90", complete.GetVariable("rtp_audio_in_packet_count"));
        // The DTMF captures skip the sequence numbers of the audio between the key presses (one stream, seq 7934
        // to 8443): RFC 3550 counts 510 expected, 90 received, 420 lost.
        Assert.Equal("420", complete.GetVariable("rtp_audio_in_skip_packet_count"));
        // sipp replays the tone 20 ms apart: FreeSWITCH's mean arrival interval, and a small RFC 3550 jitter.
        Assert.InRange(double.Parse(complete.GetVariable("rtp_audio_in_mean_interval")!, CultureInfo.InvariantCulture), 15, 25);
        Assert.InRange(double.Parse(complete.GetVariable("rtp_audio_in_interarrival_jitter_ms")!, CultureInfo.InvariantCulture), 0, 40);
    }

    [Fact]
    public async Task A_parked_caller_hears_the_playback_as_one_well_formed_RTP_stream()
    {
        await using var sw = await StartTrustingLoopbackAsync();
        await using var controller = await TestController.ConnectAsync(sw);
        using var ear = new MediaRtpListener();
        var heard = ear.ReceiveAsync(quiet: TimeSpan.FromMilliseconds(600), limit: TimeSpan.FromSeconds(15));
        ChannelExecuteComplete? played = null;
        var parked = OnPark(controller, async (client, uuid) =>
        {
            await client.ExecuteAsync(uuid, "answer");
            played = await client.ExecuteAsync(uuid, "playback", "tone_stream://%(1000,0,1000)");
            await heard;
            await client.ApiAsync($"uuid_kill {uuid}");
        });

        var sipp = await Sipp.RunAsync("uac-media-listen.xml", sw.SipPort,
            ["-s", "5000", "-key", "rtp_port", ear.Port.ToString(CultureInfo.InvariantCulture)], timeout: TimeSpan.FromSeconds(20));
        Assert.True(sipp.ExitCode == 0, sipp.ToString());
        await parked.Task.WaitAsync(Wait);
        Assert.Equal("FILE PLAYED", played!.ApplicationResponse);

        var packets = await heard;
        Assert.NotEmpty(packets);
        Assert.All(packets, p => Assert.Equal(0, p.PayloadType));
        Assert.Single(packets.Select(p => p.Ssrc).Distinct());
        Assert.True(packets[0].Marker, "the first packet of the stream carries the marker bit");
        Assert.All(packets.Skip(1), p => Assert.False(p.Marker, $"marker bit on packet seq {p.Sequence}"));
        for (var i = 1; i < packets.Count; i++)
        {
            Assert.Equal((ushort)(packets[i - 1].Sequence + 1), packets[i].Sequence);
            Assert.Equal(packets[i - 1].Timestamp + 160, packets[i].Timestamp);
            Assert.Equal(160, packets[i].Payload.Length);
        }
        // 1 s of tone is 50 packets of 20 ms, paced in real time: neither a burst nor at half speed.
        Assert.Equal(50, packets.Count);
        var span = packets[^1].Arrival - packets[0].Arrival;
        Assert.InRange(span.TotalMilliseconds, 800, 1900);

        var pcm = packets.SelectMany(p => p.Payload.Select(MediaAudio.DecodeMuLaw)).ToArray();
        var dominance = MediaAudio.Dominance(pcm, 1000, OtherBins);
        Assert.True(dominance > 1000, $"1 kHz should dominate what the caller hears; it is only {dominance:0.0}x the strongest other bin");
        foreach (var packet in packets)
        {
            var frame = packet.Payload.Select(MediaAudio.DecodeMuLaw).ToArray();
            Assert.True(Switch.Media.Goertzel.RelativePower(frame, 1000) > 0.9, $"packet seq {packet.Sequence} is not the 1 kHz tone");
        }
    }
}
