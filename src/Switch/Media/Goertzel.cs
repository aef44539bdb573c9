namespace Switch.Media;

/// <summary>The Goertzel algorithm: signal power at one frequency, for tone detection and measurement.</summary>
internal static class Goertzel
{
    /// <summary>Squared magnitude of the DFT term at <paramref name="frequency"/>.</summary>
    public static double Power(ReadOnlySpan<short> samples, double frequency, int sampleRate = 8000)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0, s2 = 0;
        foreach (var sample in samples)
        {
            var s0 = sample + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        return (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
    }

    /// <summary>
    /// The share of the block's energy found at <paramref name="frequency"/>: about 1 for a pure tone there, about
    /// 0 for a tone elsewhere or silence (energy is Σx², the Goertzel power of a sine of N samples is N·Σx²/2).
    /// </summary>
    public static double RelativePower(ReadOnlySpan<short> samples, double frequency, int sampleRate = 8000)
    {
        double energy = 0;
        foreach (var sample in samples)
        {
            energy += (double)sample * sample;
        }

        return energy <= 0 ? 0 : Power(samples, frequency, sampleRate) * 2 / (samples.Length * energy);
    }

    /// <summary>The candidate with the highest power.</summary>
    public static double Strongest(ReadOnlySpan<short> samples, ReadOnlySpan<double> candidates, int sampleRate = 8000)
    {
        var best = double.NaN;
        var bestPower = double.MinValue;
        foreach (var candidate in candidates)
        {
            var power = Power(samples, candidate, sampleRate);
            if (power > bestPower)
            {
                bestPower = power;
                best = candidate;
            }
        }

        return best;
    }
}
