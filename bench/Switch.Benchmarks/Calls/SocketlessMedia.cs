using System.Diagnostics.CodeAnalysis;
using Switch.Calls.Sip;
using Switch.Media;
using Switch.Sdp;

namespace Switch.Benchmarks.Calls;

/// <summary>
/// Leg media with a port number and no socket: the switch anchors media by default, so an INVITE still gets a
/// media leg until bypass_media releases it at answer; this keeps that path without opening sockets.
/// </summary>
internal sealed class SocketlessMedia(int port) : ILegMedia
{
    public string Address => "192.0.2.10";
    public int Port { get; } = port;
    public Action<DtmfDigit>? DtmfReceived { get; set; }

    public void Configure(SdpAudioNegotiation audio)
    {
    }

    public void Connect(ILegMedia peer)
    {
    }

    public void Disconnect()
    {
    }

    public void StartRingback(string toneSpec)
    {
    }

    public void StopRingback()
    {
    }

    public void Play(string source, Action<PlaybackResult> onCompleted, int loops = 1) =>
        onCompleted(new PlaybackResult(PlaybackStatus.Completed, source, 0));

    public void StopPlayback()
    {
    }

    public void StartEcho()
    {
    }

    public void StopEcho()
    {
    }

    public bool TryStartRecording(string path, out string? error)
    {
        error = "no media";
        return false;
    }

    public bool StopRecording() => false;

    public bool SendDtmf(string digits) => false;

    public RtpStatistics? GetStatistics() => null;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Hands out <see cref="SocketlessMedia"/> with even port numbers from 16384 up.</summary>
internal sealed class SocketlessMediaProvider : IMediaProvider
{
    private int _port = 16382;

    public bool TryCreate(string name, [NotNullWhen(true)] out ILegMedia? media)
    {
        media = new SocketlessMedia(16384 + ((Interlocked.Add(ref _port, 2) - 16384) % 16384));
        return true;
    }
}
