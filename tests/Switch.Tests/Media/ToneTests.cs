using Switch.Media;

namespace Switch.Tests.Media;

public sealed class ToneTests
{
    private static short[] Read(IAudioSource source, int samples)
    {
        var buffer = new short[samples];
        var total = 0;
        while (total < samples)
        {
            var read = source.Read(buffer.AsSpan(total));
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer[..total];
    }

    [Fact]
    public void Parses_the_FreeSwitch_ringback_spec()
    {
        Assert.True(ToneSpec.TryParse(ToneSpec.UsRing, out var spec));

        var segment = Assert.Single(spec.Segments);
        Assert.Equal((2000, 4000), (segment.OnMs, segment.OffMs));
        Assert.Equal([440.0, 480.0], segment.Frequencies);
        Assert.Equal(1, spec.Loops);
        Assert.Equal(-1, ToneSpec.Ringback.Loops);
        Assert.True(ToneSpec.TryParse(ToneSpec.RingbackStream["tone_stream://".Length..], out var stream));
        Assert.Equal(ToneSpec.Ringback, stream);
    }

    [Fact]
    public void Parses_volume_loops_and_segment_repeats()
    {
        Assert.True(ToneSpec.TryParse("v=-20;%(100,100,350,440);l=2;%(50,0,1000);loops=3", out var spec));

        Assert.Equal(3, spec.Segments.Count);
        Assert.Equal(-20, spec.Segments[0].VolumeDb);
        Assert.Same(spec.Segments[1], spec.Segments[2]);
        Assert.Equal(3, spec.Loops);
        Assert.True(ToneSpec.TryParse("L=-1;%(1000,0,425)", out var endless));
        Assert.Equal(-1, endless.Loops);
    }

    [Theory]
    [InlineData("")]
    [InlineData("loops=2")]
    [InlineData("%(100)")]
    [InlineData("%(a,b,440)")]
    [InlineData("%(100,100,440")]
    [InlineData("%(100,100,5000)")]
    [InlineData("%(0,0,440)")]
    [InlineData("%(100,100,440);loops=0")]
    [InlineData("%(100,100,440);garbage")]
    [InlineData("v=3;%(100,100,440)")]
    public void Rejects_bad_specs(string text) => Assert.False(ToneSpec.TryParse(text, out _));

    [Theory]
    [InlineData(440)]
    [InlineData(1004)]
    [InlineData(2600)]
    public void Synthesises_the_requested_frequency(int frequency)
    {
        var source = new ToneSource(new ToneSpec([new ToneSegment(1000, 0, [frequency], -10)], 1));

        var samples = Read(source, 8000);

        Assert.Equal(8000, samples.Length);
        Assert.True(Goertzel.RelativePower(samples, frequency) > 0.9);
        Assert.True(Goertzel.RelativePower(samples, frequency + 100) < 0.01);
        var peak = samples.Max(s => Math.Abs((int)s));
        Assert.InRange(peak, 32767 * 0.30, 32767 * 0.33);
    }

    [Fact]
    public void Ringback_cadence_is_two_seconds_of_440_plus_480_then_four_of_silence_looping()
    {
        var source = new ToneSource(ToneSpec.Ringback);

        var cycle = Read(source, 8000 * 12);

        Assert.Equal(8000 * 12, cycle.Length);
        var on = cycle.AsSpan(0, 16000);
        Assert.InRange(Goertzel.RelativePower(on, 440), 0.4, 0.6);
        Assert.InRange(Goertzel.RelativePower(on, 480), 0.4, 0.6);
        Assert.True(cycle.AsSpan(16000, 32000).ToArray().All(s => s == 0));
        Assert.InRange(Goertzel.RelativePower(cycle.AsSpan(48000, 16000), 480), 0.4, 0.6);
    }

    [Fact]
    public void A_spec_with_loops_ends_and_rewinds()
    {
        Assert.True(ToneSpec.TryParse("%(20,20,1000);loops=2", out var spec));
        var source = new ToneSource(spec);

        Assert.Equal(640, Read(source, 10_000).Length);
        Assert.Equal(0, source.Read(new short[10]));
        Assert.True(source.Rewind());
        Assert.Equal(640, Read(source, 10_000).Length);
    }

    [Fact]
    public void Silence_stream_plays_zeros_for_its_duration_or_forever()
    {
        var timed = new SilenceSource(30);
        var endless = new SilenceSource(-1);

        Assert.Equal(240, Read(timed, 1000).Length);
        Assert.Equal(100_000, Read(endless, 100_000).Length);
    }

    [Fact]
    public void Goertzel_picks_the_strongest_candidate()
    {
        var source = new ToneSource(new ToneSpec([new ToneSegment(200, 0, [1209, 697], -10)], 1));
        var samples = Read(source, 1600);

        Assert.Equal(697, Goertzel.Strongest(samples, [697, 770, 852, 941]));
        Assert.Equal(1209, Goertzel.Strongest(samples, [1209, 1336, 1477, 1633]));
        Assert.Equal(0, Goertzel.RelativePower(new short[160], 440));
    }
}
