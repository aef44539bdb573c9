namespace Switch.Media;

/// <summary><c>silence_stream://ms</c>: zeros for a duration, or forever when negative.</summary>
internal sealed class SilenceSource : IAudioSource
{
    private readonly long _totalSamples;
    private long _played;

    public SilenceSource(int milliseconds) => _totalSamples = milliseconds < 0 ? -1 : milliseconds * 8L;

    public int Read(Span<short> samples)
    {
        var count = _totalSamples < 0 ? samples.Length : (int)Math.Min(samples.Length, _totalSamples - _played);
        samples[..count].Clear();
        _played += count;
        return count;
    }

    public bool Rewind()
    {
        _played = 0;
        return true;
    }

    public void Dispose()
    {
    }
}
