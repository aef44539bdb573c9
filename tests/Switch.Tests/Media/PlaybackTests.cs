using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>Playback to a leg paced by a manual clock, received on a loopback socket.</summary>
public sealed class PlaybackTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Plays_a_tone_as_paced_RTP_with_continuous_numbering_and_reports_completion(bool epoll)
    {
        await using var rig = new MediaRig(new ManualTimeProvider(), receiveMode: Mode(epoll), mediaThreads: 2);
        var observer = new RecordingObserver();
        var leg = rig.Leg("a", observer);
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu));

        var playback = leg.Play("tone_stream://%(1000,0,440)");
        Assert.Equal(0, phone.Pending);
        await rig.TickAsync(50);
        var onLoop = leg.Loop is not null;
        Assert.Equal(epoll && OperatingSystem.IsLinux(), onLoop);
        Assert.Equal((1, onLoop ? 0 : 1), (rig.Engine.ClockedLegCount, rig.Engine.Clock.ListenerCount));
        Assert.Equal(onLoop ? 1 : 0, leg.Loop?.ClockedLegs ?? 0);
        var packets = await phone.ReceiveManyAsync(50);

        for (var i = 0; i < packets.Count; i++)
        {
            var header = packets[i].Header;
            Assert.Equal((0, leg.Ssrc, i == 0), (header.PayloadType, header.Ssrc, header.Marker));
            Assert.Equal((ushort)(packets[0].Header.SequenceNumber + i), header.SequenceNumber);
            Assert.Equal(packets[0].Header.Timestamp + (uint)(160 * i), header.Timestamp);
            Assert.Equal(160, packets[i].Payload.Length);
        }

        var audio = MediaRig.Decode(G711Law.MuLaw, packets.Select(p => p.Payload));
        Assert.True(Goertzel.RelativePower(audio, 440) > 0.9);
        Assert.False(playback.IsCompleted);

        await rig.TickAsync();
        var result = await playback.Completion.WaitAsync(s_wait);
        Assert.Equal(PlaybackStatus.Completed, result.Status);
        Assert.Equal(("FILE PLAYED", "done", 8000L), (result.ApplicationResponse, result.PlaybackStatusName, result.SamplesPlayed));
        Assert.Equal(result, Assert.Single(observer.Playbacks));
        Assert.Equal(0, phone.Pending);
        Assert.Equal(0, rig.Engine.ClockedLegCount);
        Assert.Equal(50, leg.GetStatistics().PacketsSent);
    }

    [Fact]
    public async Task Endless_playback_loops_until_stopped_and_a_new_playback_replaces_the_old()
    {
        await using var rig = new MediaRig(new ManualTimeProvider());
        var leg = rig.Leg();
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcma));

        var endless = leg.Play("tone_stream://%(60,40,1000)", Playback.Endless);
        await rig.TickAsync(30);
        await phone.ReceiveManyAsync(30);
        Assert.False(endless.IsCompleted);

        var next = leg.Play("silence_stream://-1");
        var replaced = await endless.Completion.WaitAsync(s_wait);
        Assert.Equal((PlaybackStatus.Stopped, "break", "FILE PLAYED"), (replaced.Status, replaced.PlaybackStatusName, replaced.ApplicationResponse));
        Assert.Equal(30 * 160, replaced.SamplesPlayed);

        await rig.TickAsync(2);
        var silence = await phone.ReceiveManyAsync(2);
        Assert.All(silence, p => Assert.All(p.Payload, b => Assert.Equal(G711.ALawSilence, b)));
        Assert.True(silence[0].Header.Marker);

        next.Stop();
        Assert.Equal(PlaybackStatus.Stopped, (await next.Completion.WaitAsync(s_wait)).Status);
        Assert.Null(leg.CurrentPlayback);
    }

    [Fact]
    public async Task Tone_loops_from_the_spec_and_playback_loops_multiply()
    {
        await using var rig = new MediaRig(new ManualTimeProvider());
        var leg = rig.Leg();
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu));

        var playback = leg.Play("tone_stream://%(40,0,1000);loops=2", loops: 3);
        await rig.TickAsync(13);

        var result = await playback.Completion.WaitAsync(s_wait);
        Assert.Equal((PlaybackStatus.Completed, 3 * 2 * 320L), (result.Status, result.SamplesPlayed));
        Assert.Equal(12, (await phone.ReceiveManyAsync(12)).Count);
    }

    [Theory]
    [InlineData("missing-file.wav", nameof(PlaybackStatus.NotFound), "FILE NOT FOUND")]
    [InlineData("tone_stream://nonsense", nameof(PlaybackStatus.Failed), "PLAYBACK ERROR")]
    public async Task Bad_sources_complete_at_once(string source, string status, string response)
    {
        await using var rig = new MediaRig(new ManualTimeProvider());
        var observer = new RecordingObserver();
        var leg = rig.Leg("a", observer);
        leg.Configure(MediaRig.Settings(null, RtpCodec.Pcmu));

        var playback = leg.Play(source);

        Assert.True(playback.IsCompleted);
        var result = await playback.Completion;
        Assert.Equal((status, response), (result.Status.ToString(), result.ApplicationResponse));
        Assert.Single(observer.Playbacks);
        Assert.Null(leg.CurrentPlayback);
    }

    [Fact]
    public async Task Cannot_play_to_a_leg_using_a_codec_the_switch_cannot_encode()
    {
        await using var rig = new MediaRig(new ManualTimeProvider());
        var leg = rig.Leg();
        leg.Configure(MediaRig.Settings(null, new RtpCodec(9, "G722", 8000)));

        var result = await leg.Play(PlaybackSources.ToneStreamPrefix + ToneSpec.UsRing).Completion;

        Assert.Equal(PlaybackStatus.Failed, result.Status);
        Assert.Contains("G722", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Playback_mutes_the_relay_and_the_stream_stays_continuous_across_the_switch(bool epoll)
    {
        await using var rig = new MediaRig(new ManualTimeProvider(), receiveMode: Mode(epoll), mediaThreads: 2);
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var phoneA = rig.Phone();
        var phoneB = rig.Phone();
        a.Configure(MediaRig.Settings(phoneA.EndPoint, RtpCodec.Pcmu));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcmu));
        MediaBridge.Connect(a, b);
        var voice = MediaRig.Tone(G711Law.MuLaw, 700);

        phoneA.SendAudio(a.LocalEndPoint, 0, voice);
        var relayed = await phoneB.ReceiveAsync();

        var playback = b.Play("tone_stream://%(40,0,440)");
        phoneA.SendAudio(a.LocalEndPoint, 0, voice);
        await MediaRig.WaitUntil(() => a.GetStatistics().PacketsReceived == 2, "the muted packet");
        await rig.TickAsync(3);
        var played = await phoneB.ReceiveManyAsync(2);
        Assert.Equal(PlaybackStatus.Completed, (await playback.Completion.WaitAsync(s_wait)).Status);

        phoneA.SendAudio(a.LocalEndPoint, 0, voice);
        var resumed = await phoneB.ReceiveAsync();

        Assert.Equal(
            [relayed.Header.SequenceNumber + 1, relayed.Header.SequenceNumber + 2, relayed.Header.SequenceNumber + 3],
            new[] { played[0].Header.SequenceNumber, played[1].Header.SequenceNumber, resumed.Header.SequenceNumber }.Select(s => (int)s));
        Assert.Equal((true, false, true), (played[0].Header.Marker, played[1].Header.Marker, resumed.Header.Marker));
        Assert.True(played[0].Header.Timestamp - relayed.Header.Timestamp >= 160);
        Assert.Equal(played[0].Header.Timestamp + 160, played[1].Header.Timestamp);
        Assert.True(resumed.Header.Timestamp - played[1].Header.Timestamp >= 160);
        Assert.Equal(b.Ssrc, resumed.Header.Ssrc);
    }

    [Fact]
    public async Task Plays_a_WAV_file_with_the_real_clock_within_two_seconds()
    {
        var path = Path.Combine(Path.GetTempPath(), $"switch-prompt-{Guid.NewGuid():N}.wav");
        try
        {
            using (var writer = WavWriter.Create(path))
            {
                var tone = new short[1600];
                new ToneSource(new ToneSpec([new ToneSegment(200, 0, [1000], -6)], 1)).Read(tone);
                writer.Write(tone);
            }

            await using var rig = new MediaRig();
            var leg = rig.Leg();
            var phone = rig.Phone();
            leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu));

            var result = await leg.Play(path).Completion.WaitAsync(s_wait);
            var packets = await phone.ReceiveManyAsync(10);

            Assert.Equal((PlaybackStatus.Completed, 1600L), (result.Status, result.SamplesPlayed));
            Assert.True(Goertzel.RelativePower(MediaRig.Decode(G711Law.MuLaw, packets.Select(p => p.Payload)), 1000) > 0.9);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static MediaReceiveMode Mode(bool epoll) => epoll ? MediaReceiveMode.Epoll : MediaReceiveMode.Async;
}
