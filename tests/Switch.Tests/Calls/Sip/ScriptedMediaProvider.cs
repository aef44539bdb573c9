using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Switch.Calls.Sip;
using Switch.Sdp;

namespace Switch.Tests.Calls.Sip;

/// <summary>Leg media whose allocations follow a script (then succeed); remembers every media handed out.</summary>
internal sealed class ScriptedMediaProvider : IMediaProvider
{
    private readonly FakeMediaProvider _working = new();
    private readonly ConcurrentQueue<MediaOutcome> _script;
    private readonly ConcurrentQueue<ILegMedia> _handedOut = new();

    public ScriptedMediaProvider(params MediaOutcome[] script) => _script = new ConcurrentQueue<MediaOutcome>(script);

    public IReadOnlyList<ILegMedia> HandedOut => _handedOut.ToArray();

    public int Refused { get; private set; }

    public bool TryCreate(string name, [NotNullWhen(true)] out ILegMedia? media)
    {
        var outcome = _script.TryDequeue(out var next) ? next : MediaOutcome.Allocated;
        if (outcome == MediaOutcome.Exhausted)
        {
            Refused++;
            media = null;
            return false;
        }
        if (outcome == MediaOutcome.Faulty)
        {
            media = new FaultyMedia();
        }
        else if (!_working.TryCreate(name, out media))
        {
            return false;
        }
        _handedOut.Enqueue(media);
        return true;
    }

    /// <summary>True when every media handed out has been disposed (its port returned).</summary>
    public bool AllReleased => HandedOut.All(m => m is FakeMedia { Disposed: true } or FaultyMedia { Disposed: true });

    /// <summary>Media that was allocated and then throws on first use; it still records its disposal.</summary>
    internal sealed class FaultyMedia : ILegMedia
    {
        public bool Disposed { get; private set; }

        public string Address => throw Fault();
        public int Port => throw Fault();

        public Action<Switch.Media.DtmfDigit>? DtmfReceived
        {
            get => null;
            set => throw Fault();
        }

        public void Configure(SdpAudioNegotiation audio) => throw Fault();
        public void Connect(ILegMedia peer) => throw Fault();
        public void Disconnect()
        {
        }
        public void StartRingback(string toneSpec) => throw Fault();
        public void StopRingback()
        {
        }
        public void Play(string source, Action<Switch.Media.PlaybackResult> onCompleted, int loops = 1) => throw Fault();
        public void StopPlayback()
        {
        }
        public void StartEcho() => throw Fault();
        public void StopEcho()
        {
        }
        public bool TryStartRecording(string path, out string? error) => throw Fault();
        public bool StopRecording() => false;
        public bool SendDtmf(string digits) => false;
        public Switch.Media.RtpStatistics? GetStatistics() => null;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }

        private static InvalidOperationException Fault() => new("media fault injected by the test");
    }
}
