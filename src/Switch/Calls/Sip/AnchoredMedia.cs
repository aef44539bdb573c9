using System.Diagnostics.CodeAnalysis;
using Switch.Media;
using Switch.Sdp;

namespace Switch.Calls.Sip;

/// <summary>Leg media on the switch's RTP relay: a <see cref="MediaLeg"/> with latching, bridged with <see cref="MediaBridge"/>.</summary>
internal sealed class AnchoredMedia : ILegMedia, IMediaLegObserver
{
    private readonly Lock _gate = new();
    private MediaBridge? _bridge;
    private Playback? _ringback;
    private MediaLeg? _leg;

    public MediaLeg Leg => _leg ?? throw new InvalidOperationException("No media leg attached.");

    public Action<DtmfDigit>? DtmfReceived { get; set; }

    internal void Attach(MediaLeg leg) => _leg = leg;

    public RtpStatistics? GetStatistics() => _leg?.GetStatistics();

    public void Play(string source, Action<PlaybackResult> onCompleted, int loops = 1)
    {
        StopRingback();
        var playback = Leg.Play(source, loops);
        _ = playback.Completion.ContinueWith(static (t, state) => ((Action<PlaybackResult>)state!)(t.Result), onCompleted,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
    }

    public void StopPlayback() => Leg.StopPlayback();

    public bool SendDtmf(string digits) => Leg.SendDtmf(digits);

    public bool TryStartRecording(string path, out string? error) => Leg.TryStartRecording(path, RecordingMode.Mixed, out _, out error);

    public bool StopRecording()
    {
        if (Leg.CurrentRecording is null)
        {
            return false;
        }
        Leg.StopRecording();
        return true;
    }

    void IMediaLegObserver.OnDtmf(MediaLeg leg, DtmfDigit digit) => DtmfReceived?.Invoke(digit);

    void IMediaLegObserver.OnPlaybackCompleted(MediaLeg leg, PlaybackResult result)
    {
    }

    public string Address => Leg.AdvertisedAddress;

    public int Port => Leg.LocalPort;

    public void Configure(SdpAudioNegotiation audio) => Leg.Configure(audio);

    public void Connect(ILegMedia peer)
    {
        if (peer is not AnchoredMedia other)
        {
            return;
        }
        StopRingback();
        other.StopRingback();
        lock (_gate)
        {
            if (_bridge is { IsConnected: true } current && ReferenceEquals(current.Other(Leg), other.Leg))
            {
                return;
            }
            _bridge = MediaBridge.Connect(Leg, other.Leg);
        }
    }

    public void Disconnect()
    {
        MediaBridge? bridge;
        lock (_gate)
        {
            bridge = _bridge;
            _bridge = null;
        }
        bridge?.Disconnect();
        Leg.Bridge?.Disconnect();
    }

    public void StartRingback(string toneSpec)
    {
        lock (_gate)
        {
            if (_ringback is { IsCompleted: false } || Leg.Bridge is { IsConnected: true })
            {
                return;
            }
            _ringback = Leg.Play(PlaybackSources.ForRingback(toneSpec), Playback.Endless);
        }
    }

    public void StartEcho() => Leg.StartEcho();

    public void StopEcho() => Leg.StopEcho();

    public void StopRingback()
    {
        Playback? ringback;
        lock (_gate)
        {
            ringback = _ringback;
            _ringback = null;
        }
        ringback?.Stop();
    }

    public ValueTask DisposeAsync()
    {
        StopRingback();
        Disconnect();
        return Leg.DisposeAsync();
    }
}

/// <summary>Creates <see cref="AnchoredMedia"/> from the switch's <see cref="MediaEngine"/>.</summary>
internal sealed class AnchoredMediaProvider(MediaEngine engine) : IMediaProvider
{
    public bool TryCreate(string name, [NotNullWhen(true)] out ILegMedia? media)
    {
        var anchored = new AnchoredMedia();
        if (engine.TryCreateLeg(name, anchored, out var leg, out _))
        {
            anchored.Attach(leg);
            media = anchored;
            return true;
        }
        media = null;
        return false;
    }
}
