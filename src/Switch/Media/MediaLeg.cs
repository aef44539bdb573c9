using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switch.Sdp;

namespace Switch.Media;

/// <summary>
/// The media side of one call leg: a UDP socket on the switch's media address and a pool port, a receive loop
/// with symmetric-RTP latching (send to where packets really come from once they come; until then to the SDP
/// address), an outgoing RTP stream, RFC 4733 detection, playback, DTMF sending, recording and counters.
/// Created by <see cref="MediaEngine.TryCreateLeg"/>; dispose to release the port.
/// </summary>
internal sealed partial class MediaLeg : IMediaClockListener, IAsyncDisposable
{
    private readonly MediaEngine _engine;
    private readonly Socket _socket;
    private readonly RtpOutput _output;
    private readonly RtpReceiveStatistics _statistics = new();
    private readonly TelephoneEventReceiver _dtmfReceiver;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IMediaLegObserver? _observer;
    private readonly Lock _remoteLock = new();
    private readonly long _createdAt;
    private readonly long _relatchTicks;
    private readonly long _dtmfQuietTicks;
    private Task _receiveLoop = Task.CompletedTask;
    private EpollMediaLoop? _loop;
    private MediaLegSettings? _settings;
    private SocketAddress? _latched;
    private IPEndPoint? _latchedEndPoint;
    private long _lastFromLatched;
    private long _lastPacketAt;
    private MediaLeg? _peer;
    private MediaBridge? _bridge;
    private long _dropped;
    private long _dtmfDigits;
    private int _disposed;

    internal MediaLeg(MediaEngine engine, string name, Socket socket, RtpPortPair ports, IMediaLegObserver? observer, ILogger logger)
    {
        _engine = engine;
        _socket = socket;
        _observer = observer;
        _logger = logger;
        _time = engine.Time;
        Name = name;
        Ports = ports;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        AdvertisedAddress = engine.AdvertisedAddress;
        _output = new RtpOutput(socket, _time);
        _dtmfReceiver = new TelephoneEventReceiver(OnDigit);
        _createdAt = _time.GetTimestamp();
        _relatchTicks = ToTicks(engine.Options.RelatchAfter);
        _dtmfQuietTicks = ToTicks(engine.Options.DtmfEndTimeout);
        _frameTicks = ToTicks(MediaClock.FrameDuration);
    }

    /// <summary>A label for logs (e.g. the channel UUID).</summary>
    public string Name { get; }

    public RtpPortPair Ports { get; }

    /// <summary>The bound socket address.</summary>
    public IPEndPoint LocalEndPoint { get; }

    public int LocalPort => LocalEndPoint.Port;

    /// <summary>The address to put in this leg's SDP.</summary>
    public string AdvertisedAddress { get; }

    public MediaLegSettings? Settings => Volatile.Read(ref _settings);

    /// <summary>Where RTP is sent now: the latched source, else the SDP address, else null.</summary>
    public IPEndPoint? RemoteEndPoint => _output.Target;

    public bool IsLatched => Volatile.Read(ref _latched) is not null;

    public MediaBridge? Bridge => Volatile.Read(ref _bridge);

    /// <summary>The SSRC of the stream this leg sends (stable for the leg's life).</summary>
    public uint Ssrc => _output.Ssrc;

    /// <summary>Address and port for <see cref="SdpOfferAnswer"/>: <c>leg.ToSdpLocalMedia() with { Previous = lastSdp }</c>.</summary>
    public SdpLocalMedia ToSdpLocalMedia() => new(AdvertisedAddress, LocalPort);

    /// <summary>Applies an offer/answer outcome.</summary>
    public void Configure(SdpAudioNegotiation audio) => Configure(MediaLegSettings.FromSdp(audio));

    /// <summary>
    /// Applies codec, payload types and remote address. A changed remote address drops the latch (the next
    /// packet latches again); until a packet arrives RTP goes to the SDP address.
    /// </summary>
    public void Configure(MediaLegSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_remoteLock)
        {
            var previous = _settings;
            Volatile.Write(ref _settings, settings);
            if (previous is not null && !Equals(previous.Remote, settings.Remote))
            {
                _latched = null;
                _latchedEndPoint = null;
            }

            _output.SetTarget(_latchedEndPoint ?? settings.Remote, settings.Send);
        }
    }

    public RtpStatistics GetStatistics()
    {
        var last = Interlocked.Read(ref _lastPacketAt);
        return new RtpStatistics(
            _statistics.Packets,
            _statistics.Bytes,
            _output.PacketsSent,
            _output.BytesSent,
            _statistics.Expected,
            _statistics.Lost,
            _statistics.JitterMs,
            Interlocked.Read(ref _dropped),
            Interlocked.Read(ref _dtmfDigits),
            RemoteEndPoint,
            IsLatched,
            last == 0 ? null : _time.GetElapsedTime(last))
        {
            MeanIntervalMs = _statistics.MeanIntervalMs,
            MinIntervalVariance = _statistics.MinIntervalVariance,
            MaxIntervalVariance = _statistics.MaxIntervalVariance,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Bridge?.Disconnect();
        StopClockedWork();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            await loop.RemoveAsync(this, _socket).ConfigureAwait(false);
        }

        _socket.Dispose();
        try
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stopping.Dispose();
        _engine.Release(this);
    }

    /// <summary>The media thread that receives this leg's RTP; null when it has its own async receive loop.</summary>
    internal EpollMediaLoop? Loop => _loop;

    /// <summary>The leg's RTP socket (measurement probes read kernel timestamps from it).</summary>
    internal Socket Socket => _socket;

    /// <summary>Starts receiving: on <paramref name="loop"/>'s media thread when given and accepted, else asynchronously.</summary>
    internal void Start(EpollMediaLoop? loop)
    {
        if (loop is not null && loop.TryAdd(this, _socket))
        {
            _loop = loop;
            return;
        }

        _receiveLoop = ReceiveLoopAsync();
    }

    /// <summary>
    /// The echo application: relays what the far end sends straight back to it (leaving any bridge), until
    /// <see cref="StopEcho"/>, a bridge or disposal.
    /// </summary>
    public void StartEcho()
    {
        Bridge?.Disconnect();
        Volatile.Write(ref _peer, this);
    }

    /// <summary>Ends the echo started by <see cref="StartEcho"/>; a bridge made since is left alone.</summary>
    public void StopEcho() => Interlocked.CompareExchange(ref _peer, null, this);

    /// <summary>True while the leg echoes its far end's audio back.</summary>
    public bool IsEchoing => ReferenceEquals(Volatile.Read(ref _peer), this);

    internal void Attach(MediaBridge bridge, MediaLeg peer)
    {
        Volatile.Write(ref _bridge, bridge);
        Volatile.Write(ref _peer, peer);
    }

    internal void Detach(MediaBridge bridge)
    {
        if (Interlocked.CompareExchange(ref _bridge, null, bridge) == bridge)
        {
            Volatile.Write(ref _peer, null);
        }
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private void OnDigit(DtmfDigit digit)
    {
        _observer?.OnDtmf(this, digit);
        if (Bridge is { DtmfMode: DtmfRelayMode.Regenerate } bridge)
        {
            bridge.Other(this).SendDtmf(digit.Digit.ToString(), digit.DurationSamples / 8);
        }

        Interlocked.Increment(ref _dtmfDigits);
    }
}
