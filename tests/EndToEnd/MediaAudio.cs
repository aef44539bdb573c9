using System.Buffers.Binary;
using System.Text;

namespace Switch.EndToEnd;

/// <summary>
/// The test's own audio arithmetic, independent of the switch's media code: G.711 µ-law by the textbook
/// segment formula (ITU-T G.711, as in the Sun reference g711.c), sine synthesis, energy, and a strict 16-bit
/// PCM mono WAV reader. Goertzel comes from the switch (pure math, unit-tested there).
/// </summary>
internal static class MediaAudio
{
    private const int Bias = 0x84;
    private const int Clip = 32635;

    public static byte EncodeMuLaw(short pcm)
    {
        int sample = pcm;
        var sign = sample < 0 ? 0x80 : 0;
        if (sign != 0)
        {
            sample = -sample;
        }
        sample = Math.Min(sample, Clip) + Bias;
        var exponent = 7;
        for (var mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }
        var mantissa = (sample >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    public static short DecodeMuLaw(byte ulaw)
    {
        var u = ~ulaw & 0xFF;
        var exponent = (u >> 4) & 0x07;
        var magnitude = ((((u & 0x0F) << 3) + Bias) << exponent) - Bias;
        return (short)((u & 0x80) != 0 ? -magnitude : magnitude);
    }

    /// <summary><paramref name="count"/> samples of a sine at 8 kHz, phase continuing from sample <paramref name="start"/>.</summary>
    public static short[] Sine(double frequency, double amplitude, int start, int count)
    {
        var samples = new short[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * (start + i) / 8000));
        }
        return samples;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }
        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>The Goertzel power at <paramref name="frequency"/> over the power at the strongest of <paramref name="others"/>.</summary>
    public static double Dominance(ReadOnlySpan<short> samples, double frequency, IEnumerable<double> others)
    {
        var at = Switch.Media.Goertzel.Power(samples, frequency);
        var strongestOther = 1e-9;
        foreach (var other in others)
        {
            strongestOther = Math.Max(strongestOther, Switch.Media.Goertzel.Power(samples, other));
        }
        return at / strongestOther;
    }

    /// <summary>Reads a canonical or chunked RIFF/WAVE file; fails the test unless it is 16-bit PCM mono.</summary>
    public static (int SampleRate, short[] Samples) ReadWav(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length >= 44, $"{path} is {bytes.Length} bytes, too short for a WAV header");
        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(bytes, 8, 4));
        Assert.Equal(bytes.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
        int? sampleRate = null;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes, offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            var body = bytes.AsSpan(offset + 8, Math.Min(size, bytes.Length - offset - 8));
            if (id == "fmt ")
            {
                Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(body));                 // PCM
                Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(body[2..]));            // mono
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(body[14..]));          // bits per sample
            }
            else if (id == "data")
            {
                Assert.True(sampleRate is not null, "the data chunk comes before fmt");
                Assert.Equal(size, body.Length);
                var samples = new short[body.Length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(i * 2)..]);
                }
                return (sampleRate!.Value, samples);
            }
            offset += 8 + size + (size & 1);
        }
        Assert.Fail($"{path} has no data chunk");
        return default;
    }
}
