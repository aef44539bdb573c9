using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switch.Media;

/// <summary>
/// The switch's media: options, the RTP port pool, the shared 20 ms clock, the media threads and the legs. One per
/// process (a singleton in Hosting). On Linux legs are received by a few dedicated epoll media threads
/// (<see cref="EpollMediaLoop"/>, each leg on the least loaded); elsewhere, or with <see cref="MediaReceiveMode.Async"/>,
/// each leg has its own async receive loop.
/// </summary>
internal sealed class MediaEngine : IAsyncDisposable
{
    private const int MaxBindAttempts = 16;

    private readonly ConcurrentDictionary<MediaLeg, byte> _legs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Meter _meter = new("Switch.Media");
    private readonly EpollMediaLoop[] _loops;
    private int _disposed;

    /// <param name="options">Addresses, ports and timings.</param>
    /// <param name="time">The clock for latching, DTMF timeouts and the 20 ms media clock.</param>
    /// <param name="loggerFactory">Loggers.</param>
    /// <param name="receiveMode">How legs receive RTP.</param>
    /// <param name="mediaThreads">Epoll media threads; 0 = <see cref="DefaultMediaThreads"/>.</param>
    public MediaEngine(MediaOptions options, TimeProvider time, ILoggerFactory loggerFactory,
        MediaReceiveMode receiveMode = MediaReceiveMode.Automatic, int mediaThreads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mediaThreads);
        Options = options;
        Time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<MediaEngine>();
        Ports = new RtpPortPool(options.Ports);
        Clock = new MediaClock(time, _logger);
        AdvertisedAddress = options.EffectiveAdvertisedAddress.ToString();
        _meter.CreateObservableGauge("switch.media.legs", () => LegCount, description: "Media legs open");
        _meter.CreateObservableGauge("switch.media.rtp_ports.in_use", () => Ports.InUse, description: "RTP/RTCP port pairs in use");
        _loops = receiveMode == MediaReceiveMode.Async ? [] : StartLoops(mediaThreads == 0 ? DefaultMediaThreads : mediaThreads);
    }

    /// <summary>
    /// One per processor, at most 4. A media thread relays ~150k packets/s on a core of its own (~6 µs each), and an
    /// idle one costs nothing (blocked in epoll_wait); but on a busy host one thread gets only a fair share of one
    /// core, so 1,000 calls fell behind with one thread where two kept up (docs/PERFORMANCE.md, Media relay).
    /// </summary>
    public static int DefaultMediaThreads => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>The epoll media threads (empty when legs use async receive loops).</summary>
    internal IReadOnlyList<EpollMediaLoop> MediaLoops => _loops;

    public MediaOptions Options { get; }

    public TimeProvider Time { get; }

    public RtpPortPool Ports { get; }

    public MediaClock Clock { get; }

    /// <summary>The media address written into SDP.</summary>
    public string AdvertisedAddress { get; }

    public int LegCount => _legs.Count;

    /// <summary>
    /// Binds a new leg on the next free even port of the range and starts its receive loop. Fails with
    /// <see cref="MediaLegError.PortsExhausted"/> when the range is used up (answer 503 / hang up), or
    /// <see cref="MediaLegError.BindFailed"/> when free ports could not be bound.
    /// </summary>
    public bool TryCreateLeg(string name, IMediaLegObserver? observer, [NotNullWhen(true)] out MediaLeg? leg, out MediaLegError error)
    {
        leg = null;
        if (Volatile.Read(ref _disposed) == 1)
        {
            error = MediaLegError.Disposed;
            return false;
        }

        for (var attempt = 0; attempt < MaxBindAttempts; attempt++)
        {
            if (!Ports.TryAcquire(out var pair))
            {
                MediaLog.PortsExhausted(_logger, Ports.Capacity, Ports.Range);
                error = MediaLegError.PortsExhausted;
                return false;
            }

            var socket = new Socket(Options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(Options.BindAddress, pair.RtpPort));
            }
            catch (SocketException e)
            {
                MediaLog.BindFailed(_logger, Options.BindAddress, pair.RtpPort, e);
                socket.Dispose();
                Ports.Release(pair);
                continue;
            }

            leg = new MediaLeg(this, name, socket, pair, observer, _loggerFactory.CreateLogger<MediaLeg>());
            _legs.TryAdd(leg, 0);
            leg.Start(LeastLoadedLoop());
            error = MediaLegError.None;
            return true;
        }

        error = MediaLegError.BindFailed;
        return false;
    }

    internal void Release(MediaLeg leg)
    {
        if (_legs.TryRemove(leg, out _))
        {
            Ports.Release(leg.Ports);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var leg in _legs.Keys)
        {
            await leg.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var loop in _loops)
        {
            await loop.DisposeAsync().ConfigureAwait(false);
        }

        Clock.Dispose();
        _meter.Dispose();
    }

    private EpollMediaLoop[] StartLoops(int count)
    {
        var loops = new List<EpollMediaLoop>(count);
        for (var i = 0; i < count && EpollMediaLoop.TryStart($"media-{i}", _logger, out var loop); i++)
        {
            loops.Add(loop);
        }

        if (loops.Count > 0)
        {
            MediaLog.EpollStarted(_logger, loops.Count);
        }

        return [.. loops];
    }

    private EpollMediaLoop? LeastLoadedLoop()
    {
        EpollMediaLoop? best = null;
        foreach (var loop in _loops)
        {
            if (best is null || loop.LegCount < best.LegCount)
            {
                best = loop;
            }
        }

        return best;
    }
}
