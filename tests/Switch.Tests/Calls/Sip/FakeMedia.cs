using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Switch.Calls.Sip;
using Switch.Sdp;

namespace Switch.Tests.Calls.Sip;

/// <summary>Leg media that records what the B2BUA asked of it.</summary>
internal sealed class FakeMedia(string name, int port) : ILegMedia
{
    private readonly ConcurrentQueue<string> _actions = new();

    public string Name { get; } = name;
    public string Address => "192.0.2.10";
    public int Port { get; } = port;
    public SdpAudioNegotiation? Audio { get; private set; }
    public FakeMedia? ConnectedTo { get; private set; }
    public string? Ringback { get; private set; }
    public bool Disposed { get; private set; }

    public IReadOnlyList<string> Actions => _actions.ToArray();

    public void Configure(SdpAudioNegotiation audio)
    {
        Audio = audio;
        _actions.Enqueue($"configure {audio.Codec.EncodingName} {audio.RemoteAddress}:{audio.RemotePort}");
    }

    public void Connect(ILegMedia peer)
    {
        ConnectedTo = (FakeMedia)peer;
        Ringback = null;
        _actions.Enqueue("connect " + ((FakeMedia)peer).Port);
    }

    public void Disconnect()
    {
        ConnectedTo = null;
        _actions.Enqueue("disconnect");
    }

    public void StartRingback(string toneSpec)
    {
        Ringback = toneSpec;
        _actions.Enqueue("ringback");
    }

    public void StopRingback() => Ringback = null;

    public Action<Switch.Media.DtmfDigit>? DtmfReceived { get; set; }

    public Switch.Media.RtpStatistics? Statistics { get; set; }

    public Switch.Media.RtpStatistics? GetStatistics() => Statistics;

    public (string Source, Action<Switch.Media.PlaybackResult> Done)? Playing { get; private set; }

    public int Loops { get; private set; }

    public void Play(string source, Action<Switch.Media.PlaybackResult> onCompleted, int loops = 1)
    {
        Loops = loops;
        _actions.Enqueue("play " + source);
        Playing = (source, onCompleted);
    }

    public void Finish(Switch.Media.PlaybackStatus status = Switch.Media.PlaybackStatus.Completed)
    {
        var playing = Playing;
        Playing = null;
        playing?.Done(new Switch.Media.PlaybackResult(status, playing.Value.Source, 8000));
    }

    public void StopPlayback() => Finish(Switch.Media.PlaybackStatus.Stopped);

    public bool Echoing { get; private set; }

    public void StartEcho()
    {
        Echoing = true;
        _actions.Enqueue("echo");
    }

    public void StopEcho() => Echoing = false;

    public string? Recording { get; private set; }

    public bool TryStartRecording(string path, out string? error)
    {
        error = null;
        Recording = path;
        _actions.Enqueue("record " + path);
        return true;
    }

    public bool StopRecording()
    {
        var was = Recording is not null;
        Recording = null;
        return was;
    }

    public bool SendDtmf(string digits)
    {
        _actions.Enqueue("dtmf " + digits);
        return true;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        _actions.Enqueue("dispose");
        return ValueTask.CompletedTask;
    }
}

internal sealed class FakeMediaProvider : IMediaProvider
{
    private readonly ConcurrentQueue<FakeMedia> _created = new();
    private int _port = 20000;

    public bool Exhausted { get; set; }

    public IReadOnlyList<FakeMedia> Created => _created.ToArray();

    public bool TryCreate(string name, [NotNullWhen(true)] out ILegMedia? media)
    {
        if (Exhausted)
        {
            media = null;
            return false;
        }
        var created = new FakeMedia(name, Interlocked.Add(ref _port, 2));
        _created.Enqueue(created);
        media = created;
        return true;
    }

    public FakeMedia At(int port) => _created.Single(m => m.Port == port);
}
