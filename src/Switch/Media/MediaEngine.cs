using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switch.Media;

/// <summary>
/// The switch's media: options, the RTP port pool, the shared 20 ms clock and the legs. One per process
/// (a singleton in Hosting).
/// </summary>
internal sealed class MediaEngine : IAsyncDisposable
{
    private const int MaxBindAttempts = 16;

    private readonly ConcurrentDictionary<MediaLeg, byte> _legs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Meter _meter = new("Switch.Media");
    private int _disposed;

    public MediaEngine(MediaOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        Options = options;
        Time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<MediaEngine>();
        Ports = new RtpPortPool(options.Ports);
        Clock = new MediaClock(time, _logger);
        AdvertisedAddress = options.EffectiveAdvertisedAddress.ToString();
        _meter.CreateObservableGauge("switch.media.legs", () => LegCount, description: "Media legs open");
        _meter.CreateObservableGauge("switch.media.rtp_ports.in_use", () => Ports.InUse, description: "RTP/RTCP port pairs in use");
    }

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
            leg.Start();
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

        Clock.Dispose();
        _meter.Dispose();
    }
}
