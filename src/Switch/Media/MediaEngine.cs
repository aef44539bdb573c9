using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switch.Media;

/// <summary>
/// The switch's media: options, the RTP port pool, the media threads (which also pace the 20 ms media clock of
/// their legs), the timer clock for legs without one, and the legs. One per
/// process (a singleton in Hosting). On Linux legs are received by a few dedicated epoll media threads
/// (<see cref="EpollMediaLoop"/>, each leg on the least loaded); elsewhere, or with <see cref="MediaReceiveMode.Async"/>,
/// each leg has its own async receive loop.
/// </summary>
internal sealed class MediaEngine : IAsyncDisposable
{
    private readonly ConcurrentDictionary<MediaLeg, byte> _legs = new();
    private readonly ILogger _logger;
    /// <summary>Every leg's logger (one instance: <c>CreateLogger&lt;T&gt;</c> builds a new one and formats the type name each time).</summary>
    private readonly ILogger<MediaLeg> _legLogger;
    private readonly Meter _meter = new("Switch.Media");
    private readonly RtpPortPoolWarnings _bindWarnings;
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
        _logger = loggerFactory.CreateLogger<MediaEngine>();
        _legLogger = loggerFactory.CreateLogger<MediaLeg>();
        Ports = new RtpPortPool(options.Ports, time, RtpPortPool.DefaultRetryAfter);
        _bindWarnings = new RtpPortPoolWarnings(_logger, time, RtpPortPoolWarnings.DefaultInterval);
        Clock = new MediaClock(time, _logger);
        AdvertisedAddress = options.EffectiveAdvertisedAddress.ToString();
        _meter.CreateObservableGauge("switch.media.legs", () => LegCount, description: "Media legs open");
        _meter.CreateObservableGauge("switch.media.rtp_ports.in_use", () => Ports.InUse, description: "RTP/RTCP port pairs in use");
        _meter.CreateObservableGauge("switch.media.rtp_ports.set_aside", () => Ports.SetAsideCount, description: "RTP/RTCP port pairs set aside after a failed bind");
        _meter.CreateObservableCounter("switch.media.rtp_ports.bind_failures", () => _bindWarnings.BindFailuresTotal, description: "RTP socket binds that failed");
        _meter.CreateObservableCounter("switch.media.rtp_ports.refused", () => _bindWarnings.RefusedTotal, description: "Media legs refused for want of an RTP port");
        Priority = options.RealtimePriority ? new MediaThreadPriority(_logger) : null;
        _loops = receiveMode == MediaReceiveMode.Async ? [] : StartLoops(mediaThreads == 0 ? DefaultMediaThreads : mediaThreads);
        if (Priority is not null && _loops.Length == 0)
        {
            MediaLog.RealtimeWithoutMediaThreads(_logger);
        }
    }

    /// <summary>
    /// One per processor, at most 4. A media thread relays ~150k packets/s on a core of its own (~6 µs each), and an
    /// idle one costs nothing (blocked in epoll_wait); but on a busy host one thread gets only a fair share of one
    /// core, so 1,000 calls fell behind with one thread where two kept up (docs/PERFORMANCE.md, Media relay).
    /// </summary>
    public static int DefaultMediaThreads => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>The epoll media threads (empty when legs use async receive loops).</summary>
    internal IReadOnlyList<EpollMediaLoop> MediaLoops => _loops;

    /// <summary>The real-time scheduling applied to the media threads; null unless <see cref="MediaOptions.RealtimePriority"/>.</summary>
    internal MediaThreadPriority? Priority { get; }

    /// <summary>Legs on a media clock now (media threads' and <see cref="Clock"/>'s).</summary>
    public int ClockedLegCount
    {
        get
        {
            var count = Clock.ListenerCount;
            foreach (var loop in _loops)
            {
                count += loop.ClockedLegs;
            }

            return count;
        }
    }

    /// <summary>Completes when every media thread has finished a pass begun after the call (<see cref="EpollMediaLoop.SyncAsync"/>).</summary>
    internal Task SyncMediaThreadsAsync()
    {
        if (_loops.Length == 0)
        {
            return Task.CompletedTask;
        }

        var passes = new Task[_loops.Length];
        for (var i = 0; i < _loops.Length; i++)
        {
            passes[i] = _loops[i].SyncAsync();
        }

        return Task.WhenAll(passes);
    }

    public MediaOptions Options { get; }

    public TimeProvider Time { get; }

    public RtpPortPool Ports { get; }

    public MediaClock Clock { get; }

    /// <summary>The media address written into SDP.</summary>
    public string AdvertisedAddress { get; }

    public int LegCount => _legs.Count;

    /// <summary>
    /// Binds a new leg on the next free even port of the range and starts its receive loop. A port another
    /// process holds is set aside in the pool (retried later) and the next one is tried; when nothing is free,
    /// the port set aside longest is tried once more. Fails with <see cref="MediaLegError.PortsExhausted"/>
    /// when every pair is in use (answer 503 / hang up), or <see cref="MediaLegError.BindFailed"/> when the
    /// ports that were left could not be bound. Failures are logged at most once per warning interval.
    /// </summary>
    public bool TryCreateLeg(string name, IMediaLegObserver? observer, [NotNullWhen(true)] out MediaLeg? leg, out MediaLegError error)
    {
        leg = null;
        if (Volatile.Read(ref _disposed) == 1)
        {
            error = MediaLegError.Disposed;
            return false;
        }

        var bindFailed = false;
        var triedSetAside = false;
        // Each failed port leaves the free queue, so this ends; the bound only guards against ports coming due meanwhile.
        for (var attempt = 0; attempt <= Ports.Capacity; attempt++)
        {
            if (!Ports.TryAcquire(out var pair))
            {
                if (triedSetAside || !Ports.TryAcquireSetAside(out pair))
                {
                    break;
                }
                triedSetAside = true;
            }

            Socket? socket = null;
            try
            {
                socket = new Socket(Options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(Options.BindAddress, pair.RtpPort));
            }
            catch (SocketException e)
            {
                socket?.Dispose();
                bindFailed = true;
                if (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
                {
                    Ports.SetAside(pair);
                    _bindWarnings.BindFailed(Ports, Options.BindAddress, pair.RtpPort, e);
                    continue;
                }
                // Not this port's fault (no descriptors left, an address not on this host): every port would fail alike.
                Ports.Release(pair);
                _bindWarnings.BindFailed(Ports, Options.BindAddress, pair.RtpPort, e);
                error = MediaLegError.BindFailed;
                return false;
            }

            try
            {
                leg = new MediaLeg(this, name, socket, pair, observer, _legLogger);
                _legs.TryAdd(leg, 0);
                leg.Start(LeastLoadedLoop());
            }
            catch (Exception e)
            {
                RtpPortPoolLog.LegFailed(_logger, name, pair.RtpPort, e);
                if (leg is not null)
                {
                    _legs.TryRemove(leg, out _);
                    leg = null;
                }
                socket.Dispose();
                Ports.Release(pair);
                error = MediaLegError.BindFailed;
                return false;
            }
            error = MediaLegError.None;
            return true;
        }

        _bindWarnings.Exhausted(Ports);
        error = bindFailed ? MediaLegError.BindFailed : MediaLegError.PortsExhausted;
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
        for (var i = 0; i < count && EpollMediaLoop.TryStart($"media-{i}", Time, Priority, _logger, out var loop); i++)
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
