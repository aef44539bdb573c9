using Switch.Calls.Sip;
using Switch.Media;
using Switch.Tests.Calls.Sip;

namespace Switch.Tests.Media;

/// <summary>FreeSWITCH's <c>ringback</c> channel variable: what the caller hears while the b-leg rings.</summary>
public sealed class RingbackTests
{
    [Theory]
    [InlineData("%(2000,4000,440,480)", "tone_stream://%(2000,4000,440,480)")]
    [InlineData(" %(1000,3000,425) ", "tone_stream://%(1000,3000,425)")]
    [InlineData("tone_stream://%(400,200,400,450);%(400,2000,400,450)", "tone_stream://%(400,200,400,450);%(400,2000,400,450)")]
    [InlineData("/usr/share/sounds/ring.wav", "/usr/share/sounds/ring.wav")]
    [InlineData("ring.WAV", "ring.WAV")]
    [InlineData("file:///tmp/ring.wav", "file:///tmp/ring.wav")]
    [InlineData("silence", "silence_stream://-1")]
    public void A_ringback_value_maps_to_a_playback_source(string value, string source) =>
        Assert.Equal(source, PlaybackSources.ForRingback(value));

    [Theory]
    [InlineData(null, "%(2000,4000,440,480)")]
    [InlineData("%(1000,3000,425)", "%(1000,3000,425)")]
    [InlineData("/var/sounds/uk-ring.wav", "/var/sounds/uk-ring.wav")]
    public async Task The_callers_ringback_variable_is_what_the_switch_plays_when_the_b_leg_rings(string? variable, string expected)
    {
        await using var sw = new SwitchHarness();
        var alice = sw.Phone("1008", "192.0.2.55", "1008");
        var bob = sw.Phone("1018", "192.0.2.66");
        await sw.RegisterAsync(bob);
        var a = alice.Call("1018", alice.Sdp(port: 64836, payloadTypes: [8, 0, 101]));
        var uuid = await sw.ParkedUuidAsync(a);
        if (variable is not null)
        {
            await sw.Engine.SetVariableAsync(uuid, "ringback", variable);
        }

        _ = sw.Engine.ExecuteApplicationAsync(uuid, "bridge", "user/1018", null);
        var b = await bob.WaitForCallAsync();
        b.Ring();
        await a.WaitForResponseAsync(183);
        await sw.Events.WaitAsync("CHANNEL_PROGRESS_MEDIA", uuid);
        await sw.Network.IdleAsync();

        Assert.Equal(expected, sw.Media.Created[0].Ringback);
    }

    [Fact]
    public async Task A_file_ringback_plays_the_file_on_the_leg()
    {
        var path = Path.Combine(Path.GetTempPath(), $"switch-ringback-{Guid.NewGuid():N}.wav");
        try
        {
            using (var writer = WavWriter.Create(path))
            {
                writer.Write(new short[800]);
            }

            await using var rig = new MediaRig(new ManualTimeProvider());
            var media = new AnchoredMedia();
            media.Attach(rig.Leg("a", media));
            media.Leg.Configure(MediaRig.Settings(null, RtpCodec.Pcmu));

            media.StartRingback(path);

            var playback = Assert.IsType<Playback>(media.Leg.CurrentPlayback);
            Assert.Equal((path, false), (playback.SourceName, playback.IsCompleted));
            media.StopRingback();
            Assert.Equal(PlaybackStatus.Stopped, (await playback.Completion.WaitAsync(TimeSpan.FromSeconds(2))).Status);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
