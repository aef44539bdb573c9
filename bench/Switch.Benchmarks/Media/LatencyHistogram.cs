namespace Switch.Benchmarks.Media;

/// <summary>
/// Durations in fixed buckets, no allocation per sample: 1 µs wide below 10 ms, 100 µs wide from there to ~10 s
/// (longer ones in the last bucket). One writer thread; merge after the writers stopped.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int FineMicros = 10_000;
    private const int CoarseMicros = 100;
    private readonly long[] _counts = new long[FineMicros + 100_000];
    private long _maxMicros;

    public long Count { get; private set; }

    public void Add(long micros)
    {
        if (micros < 0)
        {
            micros = 0;
        }

        var bucket = micros < FineMicros ? micros : Math.Min(_counts.Length - 1, FineMicros + ((micros - FineMicros) / CoarseMicros));
        _counts[bucket]++;
        Count++;
        _maxMicros = Math.Max(_maxMicros, micros);
    }

    public void AddFrom(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        _maxMicros = Math.Max(_maxMicros, other._maxMicros);
    }

    /// <summary>The duration (µs, the bucket's lower bound) below which <paramref name="quantile"/> of the samples fall.</summary>
    public long Percentile(double quantile)
    {
        if (Count == 0)
        {
            return 0;
        }

        if (quantile >= 1)
        {
            return _maxMicros;
        }

        var rank = (long)(Count * quantile);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen > rank)
            {
                return i < FineMicros ? i : FineMicros + ((long)(i - FineMicros) * CoarseMicros);
            }
        }

        return _maxMicros;
    }
}
