using System.Diagnostics.CodeAnalysis;

namespace Switch.Media;

internal sealed partial class MediaLeg
{
    private const int MaxCatchUpFrames = 10;

    private readonly Lock _clockLock = new();
    private readonly DtmfSender _dtmfSender = new();
    private readonly long _frameTicks;
    private Playback? _playback;
    private Recording? _recording;
    private bool _onClock;
    private bool _clockedByLoop;
    private long _nextFrameAt;

    /// <summary>The playback in progress, if any.</summary>
    public Playback? CurrentPlayback => Volatile.Read(ref _playback);

    public Recording? CurrentRecording => Volatile.Read(ref _recording);

    /// <summary>
    /// Plays <c>tone_stream://...</c>, <c>silence_stream://ms</c> or a WAV file (absolute, or relative to
    /// <see cref="MediaOptions.SoundsDirectory"/>) <paramref name="loops"/> times (<see cref="Playback.Endless"/>:
    /// until stopped), replacing any playback in progress (which ends as Stopped). While it plays, audio relayed
    /// from a bridged leg is not sent to this leg. A missing file or bad spec gives an already completed playback.
    /// </summary>
    public Playback Play(string source, int loops = 1)
    {
        var status = PlaybackSources.TryOpen(source, _engine.Options.SoundsDirectory, out var audio, out var error);
        if (status != PlaybackStatus.Completed || audio is null)
        {
            var failed = Playback.Failed(source, status, error ?? status.ToString());
            Notify(failed);
            return failed;
        }

        return Play(audio, source, loops);
    }

    /// <summary>Plays an already opened source (the leg disposes it).</summary>
    public Playback Play(IAudioSource source, string name, int loops = 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Settings is { Codec.Law: null } settings)
        {
            source.Dispose();
            var failed = Playback.Failed(name, PlaybackStatus.Failed, $"cannot generate {settings.Codec.Name}");
            Notify(failed);
            return failed;
        }

        var playback = new Playback(this, name, source, loops == 0 ? 1 : loops);
        Playback? previous;
        lock (_clockLock)
        {
            if (Volatile.Read(ref _disposed) == 1)
            {
                source.Dispose();
                return Playback.Failed(name, PlaybackStatus.Stopped, "leg disposed");
            }

            previous = _playback;
            if (previous is null)
            {
                _output.MuteRelay(true);
            }

            Volatile.Write(ref _playback, playback);
            _output.MarkSourceChange();
            EnsureOnClock();
        }

        if (previous is not null && previous.Complete(PlaybackStatus.Stopped))
        {
            Notify(previous);
        }

        return playback;
    }

    /// <summary>Stops the current playback (result Stopped, "break").</summary>
    public void StopPlayback()
    {
        if (CurrentPlayback is { } playback)
        {
            StopPlayback(playback);
        }
    }

    internal void StopPlayback(Playback playback)
    {
        lock (_clockLock)
        {
            if (ReferenceEquals(_playback, playback))
            {
                Volatile.Write(ref _playback, null);
                _output.MuteRelay(false);
            }
        }

        if (playback.Complete(PlaybackStatus.Stopped))
        {
            Notify(playback);
        }
    }

    /// <summary>
    /// Queues digits (0-9 * # A-D) to send as RFC 4733 events, or as in-band tones when telephone-event was
    /// not negotiated. False when nothing valid was queued or the leg cannot send yet (not configured).
    /// </summary>
    public bool SendDtmf(string digits, int durationMs = DtmfSender.DefaultDurationMs)
    {
        var settings = Settings;
        if (settings is null || (settings.TelephoneEventPayloadType is null && settings.Codec.Law is null))
        {
            return false;
        }

        lock (_clockLock)
        {
            if (Volatile.Read(ref _disposed) == 1 || _dtmfSender.Enqueue(digits, durationMs) == 0)
            {
                return false;
            }

            EnsureOnClock();
            return true;
        }
    }

    /// <summary>
    /// Records this leg to a WAV file (8 kHz 16-bit mono), replacing any recording in progress. False (with the
    /// reason) when the file cannot be created.
    /// </summary>
    public bool TryStartRecording(string path, RecordingMode mode, [NotNullWhen(true)] out Recording? recording, out string? error)
    {
        recording = null;
        WavWriter writer;
        try
        {
            writer = WavWriter.Create(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            MediaLog.RecordingFailed(_logger, Name, path, e);
            error = e.Message;
            return false;
        }

        var created = new Recording(this, path, mode, writer);
        Recording? previous;
        lock (_clockLock)
        {
            if (Volatile.Read(ref _disposed) == 1)
            {
                created.Close();
                error = "leg disposed";
                return false;
            }

            previous = _recording;
            Volatile.Write(ref _recording, created);
            _output.Tap = created;
            EnsureOnClock();
        }

        previous?.Close();
        recording = created;
        error = null;
        return true;
    }

    public void StopRecording()
    {
        if (CurrentRecording is { } recording)
        {
            StopRecording(recording);
        }
    }

    internal void StopRecording(Recording recording)
    {
        lock (_clockLock)
        {
            if (ReferenceEquals(_recording, recording))
            {
                Volatile.Write(ref _recording, null);
                _output.Tap = null;
            }
        }

        recording.Close();
    }

    /// <summary>The async receive path's clock (<see cref="MediaClock"/>, a timer thread): one tick.</summary>
    public void OnTick(long now) => Tick(now);

    /// <summary>
    /// One clock tick: sends the frames due by <paramref name="now"/> (at most <see cref="MaxCatchUpFrames"/>).
    /// Called by the leg's media thread (<see cref="EpollMediaLoop"/>) or, for a leg with its own async receive
    /// loop, by <see cref="MediaClock"/>. False when the leg has nothing left to pace and left the clock.
    /// </summary>
    internal bool Tick(long now)
    {
        Playback? finished = null;
        lock (_clockLock)
        {
            if (!_onClock)
            {
                return false;
            }

            var frames = 0;
            while (now >= _nextFrameAt && frames < MaxCatchUpFrames)
            {
                finished ??= ProduceFrame();
                _nextFrameAt += _frameTicks;
                frames++;
            }

            if (now >= _nextFrameAt)
            {
                _nextFrameAt = now + _frameTicks;
            }

            if (_playback is null && _recording is null && !_dtmfSender.IsBusy)
            {
                LeaveClock();
            }
        }

        if (finished is not null && finished.Complete(PlaybackStatus.Completed))
        {
            Notify(finished);
        }

        return Volatile.Read(ref _onClock);
    }

    /// <summary>Set and read only by the media thread whose clock list holds this leg.</summary>
    internal bool OnLoopClock { get; set; }

    /// <summary>Set (for good) when the leg was handed to its media thread's clock; its removal then waits for a pass.</summary>
    internal bool HandedToLoopClock
    {
        get => Volatile.Read(ref _handedToLoopClock);
        set => Volatile.Write(ref _handedToLoopClock, value);
    }

    private bool _handedToLoopClock;

    /// <summary>One 20 ms frame: DTMF first (playback pauses meanwhile), else playback; then the recording.</summary>
    private Playback? ProduceFrame()
    {
        Playback? finished = null;
        var settings = Settings;
        if (!_dtmfSender.Step(_output, settings) && _playback is { } playback)
        {
            Span<short> samples = stackalloc short[MediaClock.SamplesPerFrame];
            var read = playback.ReadFrame(samples, out var ended);
            if (read > 0 && settings?.Codec.Law is { } law)
            {
                Span<byte> payload = stackalloc byte[MediaClock.SamplesPerFrame];
                G711.Encode(law, samples, payload);
                _output.SendLocal(payload, settings.Codec.PayloadType, law);
            }

            if (ended)
            {
                Volatile.Write(ref _playback, null);
                _output.MuteRelay(false);
                finished = playback;
            }
        }

        _recording?.WriteFrame();
        return finished;
    }

    private void EnsureOnClock()
    {
        if (_onClock)
        {
            return;
        }

        _onClock = true;
        _nextFrameAt = _time.GetTimestamp() + _frameTicks;
        _clockedByLoop = _loop is { } loop && loop.AddClocked(this);
        if (!_clockedByLoop)
        {
            _engine.Clock.Add(this);
        }
    }

    /// <summary>Under the clock lock: nothing left to pace. The media thread drops the leg when its tick returns false.</summary>
    private void LeaveClock()
    {
        _onClock = false;
        if (!_clockedByLoop)
        {
            _engine.Clock.Remove(this);
        }
    }

    private void StopClockedWork()
    {
        Playback? playback;
        Recording? recording;
        lock (_clockLock)
        {
            playback = _playback;
            recording = _recording;
            Volatile.Write(ref _playback, null);
            Volatile.Write(ref _recording, null);
            _output.Tap = null;
            _dtmfSender.Clear(_output);
            if (playback is not null)
            {
                _output.MuteRelay(false);
            }

            if (_onClock)
            {
                LeaveClock();
            }
        }

        if (playback is not null && playback.Complete(PlaybackStatus.Stopped))
        {
            Notify(playback);
        }

        recording?.Close();
    }

    private void Notify(Playback playback)
    {
        if (playback.Result is not { } result)
        {
            return;
        }

        MediaLog.PlaybackEnded(_logger, Name, result.Source, result.Status, result.Error);
        _observer?.OnPlaybackCompleted(this, result);
    }
}
