using System.Net;

namespace Switch.Sip.Transport;

/// <summary>
/// Where a message came from: transport, the switch's local endpoint, the peer's endpoint and, for TCP, the
/// connection id (0 for UDP). Store it to reach a NATed phone over the same path (RFC 5626 "flow").
/// </summary>
internal sealed record SipFlow(SipTransportType Transport, IPEndPoint Local, IPEndPoint Remote, long ConnectionId = 0)
{
    public bool IsReliable => Transport == SipTransportType.Tcp;

    /// <summary>A target that sends back over this flow (the same TCP connection when it is still open).</summary>
    public SipTarget ToTarget() => new(Transport, Remote, ConnectionId, Local);

    public override string ToString() =>
        Transport.ToString().ToLowerInvariant() + "/" + Remote + (ConnectionId != 0 ? "#" + ConnectionId : string.Empty);
}
