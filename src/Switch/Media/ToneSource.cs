namespace Switch.Media;

/// <summary>
/// Synthesises a <see cref="ToneSpec"/> at 8 kHz. Each frequency is a second-order resonator
/// (y[n] = 2cos(w)·y[n-1] − y[n-2]), restarted at every segment: two multiply-adds per sample, no Math.Sin
/// in the loop.
/// </summary>
internal sealed class ToneSource : IAudioSource
{
    private const int SampleRate = 8000;
    private const int MaxFrequencies = 16;

    private readonly ToneSpec _spec;
    private readonly double[] _coefficient = new double[MaxFrequencies];
    private readonly double[] _previous = new double[MaxFrequencies];
    private readonly double[] _beforePrevious = new double[MaxFrequencies];
    private int _segment;
    private int _sampleInSegment;
    private int _loopsDone;
    private double _amplitude;
    private int _frequencyCount;

    public ToneSource(ToneSpec spec)
    {
        _spec = spec;
        StartSegment(0);
    }

    public int Read(Span<short> samples)
    {
        var written = 0;
        while (written < samples.Length)
        {
            if (_segment >= _spec.Segments.Count)
            {
                _loopsDone++;
                if (_spec.Loops != -1 && _loopsDone >= _spec.Loops)
                {
                    return written;
                }

                StartSegment(0);
            }

            var segment = _spec.Segments[_segment];
            var onSamples = segment.OnMs * (SampleRate / 1000);
            var totalSamples = onSamples + (segment.OffMs * (SampleRate / 1000));
            while (written < samples.Length && _sampleInSegment < totalSamples)
            {
                samples[written++] = _sampleInSegment < onSamples ? NextToneSample() : (short)0;
                _sampleInSegment++;
            }

            if (_sampleInSegment >= totalSamples)
            {
                StartSegment(_segment + 1);
            }
        }

        return written;
    }

    public bool Rewind()
    {
        _loopsDone = 0;
        StartSegment(0);
        return true;
    }

    public void Dispose()
    {
    }

    private short NextToneSample()
    {
        double sum = 0;
        for (var i = 0; i < _frequencyCount; i++)
        {
            var next = (_coefficient[i] * _previous[i]) - _beforePrevious[i];
            _beforePrevious[i] = _previous[i];
            _previous[i] = next;
            sum += next;
        }

        return (short)Math.Clamp(sum * _amplitude, short.MinValue, short.MaxValue);
    }

    private void StartSegment(int index)
    {
        _segment = index;
        _sampleInSegment = 0;
        if (index >= _spec.Segments.Count)
        {
            return;
        }

        var segment = _spec.Segments[index];
        _frequencyCount = Math.Min(segment.Frequencies.Count, MaxFrequencies);
        _amplitude = _frequencyCount == 0 ? 0 : short.MaxValue * Math.Pow(10, segment.VolumeDb / 20) / _frequencyCount;
        for (var i = 0; i < _frequencyCount; i++)
        {
            var w = 2 * Math.PI * segment.Frequencies[i] / SampleRate;
            _coefficient[i] = 2 * Math.Cos(w);
            _previous[i] = 0;
            _beforePrevious[i] = -Math.Sin(w);
        }
    }
}
