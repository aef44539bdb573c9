using System.Net;

namespace Switch.Media;

/// <summary>Media configuration: where RTP sockets bind, what address SDP advertises, the port range.</summary>
internal sealed record MediaOptions
{
    /// <summary>Local address RTP sockets bind to.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Address written into SDP (e.g. a public address); defaults to <see cref="BindAddress"/>.</summary>
    public IPAddress? AdvertisedAddress { get; init; }

    public RtpPortRange Ports { get; init; } = RtpPortRange.Default;

    /// <summary>A latched leg follows a new source address once the latched one has been silent this long.</summary>
    public TimeSpan RelatchAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>An RFC 4733 event whose end packets were all lost is reported after this much quiet.</summary>
    public TimeSpan DtmfEndTimeout { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Relative playback paths are resolved against this directory.</summary>
    public string? SoundsDirectory { get; init; }

    /// <summary>
    /// Run the epoll media threads under SCHED_FIFO (<see cref="MediaThreadPriority"/>), as FreeSWITCH's <c>-rp</c>.
    /// Off by default, as in FreeSWITCH: it needs a privilege (CAP_SYS_NICE or an RTPRIO limit) and gives the
    /// relay precedence over everything else on the host, which the operator should choose knowingly.
    /// </summary>
    public bool RealtimePriority { get; init; }

    public IPAddress EffectiveAdvertisedAddress =>
        AdvertisedAddress ?? (BindAddress.Equals(IPAddress.Any) ? IPAddress.Loopback : BindAddress.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : BindAddress);
}
