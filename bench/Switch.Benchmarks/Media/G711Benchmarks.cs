using BenchmarkDotNet.Attributes;
using Switch.Media;

namespace Switch.Benchmarks.Media;

/// <summary>G.711 on one 20 ms frame (160 samples).</summary>
[MemoryDiagnoser]
public class G711Benchmarks
{
    private readonly byte[] _mu = new byte[160];
    private readonly byte[] _a = new byte[160];
    private readonly short[] _pcm = new short[160];

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _pcm.Length; i++)
        {
            _pcm[i] = (short)(12000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
        }

        G711.Encode(G711Law.MuLaw, _pcm, _mu);
    }

    [Benchmark(Baseline = true)]
    public byte TranscodeMuLawToALaw()
    {
        G711.MuLawToALaw(_mu, _a);
        return _a[0];
    }

    [Benchmark]
    public byte TranscodeALawToMuLaw()
    {
        G711.ALawToMuLaw(_a, _mu);
        return _mu[0];
    }

    [Benchmark]
    public byte EncodeMuLaw()
    {
        G711.Encode(G711Law.MuLaw, _pcm, _mu);
        return _mu[0];
    }

    [Benchmark]
    public short DecodeALaw()
    {
        G711.Decode(G711Law.ALaw, _a, _pcm);
        return _pcm[0];
    }
}
