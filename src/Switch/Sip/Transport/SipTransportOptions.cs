namespace Switch.Sip.Transport;

/// <summary>Limits and addresses of the UDP/TCP transports.</summary>
internal sealed record SipTransportOptions
{
    /// <summary>Largest header section accepted on a TCP connection.</summary>
    public int MaxHeaderBytes { get; init; } = 64 * 1024;

    /// <summary>Largest body accepted on a TCP connection.</summary>
    public int MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>SO_RCVBUF / SO_SNDBUF of UDP sockets (bursts of datagrams queue here; the kernel caps the value).</summary>
    public int UdpSocketBufferBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Concurrent receive loops per UDP socket (default: one per core, at most 4).</summary>
    public int UdpReceiveLoops { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>TCP connections with no traffic for this long are closed.</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Time allowed for an outgoing TCP connect.</summary>
    public TimeSpan TcpConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Answer UDP requests at their source address and port even without rport (Kamailio's force_rport,
    /// FreeSWITCH's NDLB-force-rport): keeps NATed phones reachable.
    /// </summary>
    public bool ForceRport { get; init; }

    /// <summary>Host put in Via sent-by when listening on a wildcard address (null: the local address toward the peer).</summary>
    public string? AdvertisedHost { get; init; }

    /// <summary>
    /// Sources whose datagrams and TCP frames are dropped before parsing (the registrar's silenced brute-force
    /// bans), so a flood from a banned address costs a receive and a lookup, not a parse and a transaction.
    /// </summary>
    public Func<System.Net.IPAddress, bool>? IsSilenced { get; init; }
}
