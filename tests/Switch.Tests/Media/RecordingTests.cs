using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>Recording a leg to WAV with the manual clock.</summary>
public sealed class RecordingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switch-rec-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static short[] ReadWav(string path)
    {
        Assert.Equal(WavError.None, WavSource.TryOpen(path, out var source));
        using (source)
        {
            var samples = new List<short>();
            var buffer = new short[160];
            int read;
            while ((read = source!.Read(buffer)) > 0)
            {
                samples.AddRange(buffer.AsSpan(0, read).ToArray());
            }

            return [.. samples];
        }
    }

    [Fact]
    public async Task Records_received_audio_in_real_time_with_a_playable_file_before_it_is_closed()
    {
        await using var rig = new MediaRig(new ManualTimeProvider());
        var leg = rig.Leg();
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu));
        var path = Path.Combine(_directory, "in", "received.wav");
        Assert.True(leg.TryStartRecording(path, RecordingMode.Received, out var recording, out _));

        for (var i = 0; i < 50; i++)
        {
            phone.SendAudio(leg.LocalEndPoint, 0, MediaRig.Tone(G711Law.MuLaw, 1000, 160, i * 160));
        }

        await MediaRig.WaitUntil(() => leg.GetStatistics().PacketsReceived == 50, "fifty packets");
        await rig.TickAsync(60);

        var live = ReadWav(path);
        Assert.Equal(50 * 160, live.Length);
        Assert.True(Goertzel.RelativePower(live, 1000) > 0.9);

        recording.Stop();
        var samples = await recording.Completion.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(60 * 160, samples);
        var closed = ReadWav(path);
        Assert.Equal(60 * 160, closed.Length);
        Assert.All(closed[(50 * 160)..], s => Assert.Equal(0, s));
        Assert.Null(leg.CurrentRecording);
    }

    [Fact]
    public async Task Mixed_recording_holds_both_directions()
    {
        await using var rig = new MediaRig(new ManualTimeProvider());
        var leg = rig.Leg();
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcma));
        var path = Path.Combine(_directory, "mixed.wav");
        Assert.True(leg.TryStartRecording(path, RecordingMode.Mixed, out var recording, out _));

        for (var i = 0; i < 25; i++)
        {
            phone.SendAudio(leg.LocalEndPoint, 8, MediaRig.Tone(G711Law.ALaw, 1000, 160, i * 160));
        }

        await MediaRig.WaitUntil(() => leg.GetStatistics().PacketsReceived == 25, "packets");
        leg.Play("tone_stream://%(500,0,440)");
        await rig.TickAsync(30);
        recording.Stop();
        await recording.Completion.WaitAsync(TimeSpan.FromSeconds(2));

        var samples = ReadWav(path)[..(20 * 160)];
        Assert.InRange(Goertzel.RelativePower(samples, 1000), 0.25, 0.75);
        Assert.InRange(Goertzel.RelativePower(samples, 440), 0.25, 0.75);
    }

    [Fact]
    public async Task Disposing_the_leg_closes_the_recording_and_bad_paths_are_reported()
    {
        await using var rig = new MediaRig(new ManualTimeProvider());
        var leg = rig.Leg();
        var path = Path.Combine(_directory, "closed.wav");
        Assert.True(leg.TryStartRecording(path, RecordingMode.Received, out var recording, out _));
        await rig.TickAsync(3);

        await leg.DisposeAsync();

        Assert.Equal(3 * 160, await recording.Completion.WaitAsync(TimeSpan.FromSeconds(2)));
        Assert.Equal(3 * 160, ReadWav(path).Length);
        var other = rig.Leg();
        File.WriteAllText(Path.Combine(_directory, "file"), "x");
        Assert.False(other.TryStartRecording(Path.Combine(_directory, "file", "x.wav"), RecordingMode.Mixed, out var none, out var error));
        Assert.Null(none);
        Assert.NotNull(error);
    }
}
