namespace Switch.Media;

/// <summary>
/// A source being played to a leg. <see cref="Completion"/> completes once with how it ended; <see cref="Stop"/>
/// ends it at once with <see cref="PlaybackStatus.Stopped"/>.
/// </summary>
internal sealed class Playback
{
    private readonly TaskCompletionSource<PlaybackResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MediaLeg? _leg;
    private IAudioSource? _source;
    private int _loopsLeft;
    private long _samplesPlayed;

    internal Playback(MediaLeg? leg, string sourceName, IAudioSource? source, int loops)
    {
        _leg = leg;
        SourceName = sourceName;
        _source = source;
        _loopsLeft = loops;
    }

    /// <summary>The source as given (<c>tone_stream://...</c>, a path, ...).</summary>
    public string SourceName { get; }

    public Task<PlaybackResult> Completion => _completion.Task;

    public bool IsCompleted => _completion.Task.IsCompleted;

    /// <summary>How it ended, once it has.</summary>
    public PlaybackResult? Result { get; private set; }

    /// <summary>Loops: 1 = once, n, or -1 = endless.</summary>
    public const int Endless = -1;

    public void Stop() => _leg?.StopPlayback(this);

    internal static Playback Failed(string sourceName, PlaybackStatus status, string error)
    {
        var playback = new Playback(null, sourceName, null, 0);
        playback.Complete(status, error);
        return playback;
    }

    /// <summary>
    /// Fills one frame, looping as asked; returns the samples read (the rest of the frame is silence) and whether
    /// the source has ended.
    /// </summary>
    internal int ReadFrame(Span<short> frame, out bool ended)
    {
        ended = true;
        if (_source is null)
        {
            return 0;
        }

        var filled = 0;
        var emptyPasses = 0;
        while (filled < frame.Length)
        {
            var read = _source.Read(frame[filled..]);
            filled += read;
            if (filled == frame.Length)
            {
                break;
            }

            emptyPasses = read == 0 ? emptyPasses + 1 : 0;
            if (emptyPasses > 1 || (_loopsLeft != Endless && --_loopsLeft <= 0) || !_source.Rewind())
            {
                break;
            }
        }

        frame[filled..].Clear();
        _samplesPlayed += filled;
        ended = filled < frame.Length;
        return filled;
    }

    /// <summary>Releases the source and completes; false when already completed.</summary>
    internal bool Complete(PlaybackStatus status, string? error = null)
    {
        var result = new PlaybackResult(status, SourceName, _samplesPlayed, error);
        lock (_completion)
        {
            if (Result is not null)
            {
                return false;
            }

            Result = result;
        }

        _source?.Dispose();
        _source = null;
        return _completion.TrySetResult(result);
    }
}
