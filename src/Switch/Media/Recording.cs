namespace Switch.Media;

/// <summary>
/// A WAV recording (8 kHz 16-bit PCM mono) of one leg: received audio, or received and sent mixed. Audio is
/// buffered per direction and written one 20 ms frame per clock tick (silence where nothing arrived); the
/// RIFF sizes are rewritten every second. Stop (or the leg's disposal) closes the file.
/// </summary>
internal sealed class Recording
{
    private const int FramesPerFlush = 50;

    private readonly TaskCompletionSource<long> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly MediaLeg? _leg;
    private readonly WavWriter _writer;
    private readonly PcmRing _received = new();
    private readonly PcmRing? _sent;
    private int _framesSinceFlush;
    private bool _closed;

    internal Recording(MediaLeg? leg, string path, RecordingMode mode, WavWriter writer)
    {
        _leg = leg;
        Path = path;
        Mode = mode;
        _writer = writer;
        _sent = mode == RecordingMode.Mixed ? new PcmRing() : null;
    }

    public string Path { get; }

    public RecordingMode Mode { get; }

    /// <summary>Completes with the number of samples written when the file is closed.</summary>
    public Task<long> Completion => _completion.Task;

    public void Stop() => _leg?.StopRecording(this);

    internal void OnReceived(ReadOnlySpan<byte> payload, G711Law law) => Push(_received, payload, law);

    internal void OnSent(ReadOnlySpan<byte> payload, G711Law law)
    {
        if (_sent is not null)
        {
            Push(_sent, payload, law);
        }
    }

    /// <summary>Writes one frame; called by the leg's clock.</summary>
    internal void WriteFrame()
    {
        Span<short> frame = stackalloc short[MediaClock.SamplesPerFrame];
        _received.Read(frame);
        if (_sent is not null)
        {
            Span<short> other = stackalloc short[MediaClock.SamplesPerFrame];
            _sent.Read(other);
            for (var i = 0; i < frame.Length; i++)
            {
                frame[i] = (short)Math.Clamp(frame[i] + other[i], short.MinValue, short.MaxValue);
            }
        }

        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _writer.Write(frame);
            if (++_framesSinceFlush >= FramesPerFlush)
            {
                _framesSinceFlush = 0;
                _writer.Flush();
            }
        }
    }

    internal void Close()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _writer.Dispose();
        }

        _completion.TrySetResult(_writer.SamplesWritten);
    }

    private static void Push(PcmRing ring, ReadOnlySpan<byte> payload, G711Law law)
    {
        Span<short> samples = stackalloc short[Math.Min(payload.Length, 1024)];
        G711.Decode(law, payload, samples);
        ring.Write(samples);
    }
}
