namespace Switch.Media;

/// <summary>
/// A small thread-safe buffer of 8 kHz samples between a packet thread (writer) and the clock (reader), with a
/// two-frame pre-roll so arrival jitter does not chop the recording. Overflow drops the oldest samples.
/// </summary>
internal sealed class PcmRing
{
    private const int PrerollSamples = 320;

    private readonly Lock _lock = new();
    private readonly short[] _buffer;
    private int _start;
    private int _count;
    private bool _primed;

    public PcmRing(int capacity = 8000) => _buffer = new short[capacity];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public void Write(ReadOnlySpan<short> samples)
    {
        lock (_lock)
        {
            if (samples.Length >= _buffer.Length)
            {
                samples = samples[^_buffer.Length..];
            }

            var overflow = _count + samples.Length - _buffer.Length;
            if (overflow > 0)
            {
                _start = (_start + overflow) % _buffer.Length;
                _count -= overflow;
            }

            var end = (_start + _count) % _buffer.Length;
            var first = Math.Min(samples.Length, _buffer.Length - end);
            samples[..first].CopyTo(_buffer.AsSpan(end));
            samples[first..].CopyTo(_buffer);
            _count += samples.Length;
        }
    }

    /// <summary>Fills <paramref name="frame"/>, with silence for whatever is not (yet) buffered.</summary>
    public void Read(Span<short> frame)
    {
        lock (_lock)
        {
            if (!_primed && _count >= PrerollSamples)
            {
                _primed = true;
            }

            var take = _primed ? Math.Min(frame.Length, _count) : 0;
            var first = Math.Min(take, _buffer.Length - _start);
            _buffer.AsSpan(_start, first).CopyTo(frame);
            _buffer.AsSpan(0, take - first).CopyTo(frame[first..]);
            frame[take..].Clear();
            _start = (_start + take) % _buffer.Length;
            _count -= take;
            if (_count == 0)
            {
                _primed = false;
            }
        }
    }
}
