using System.Net;

namespace Switch.Sip.Transport;

/// <summary>
/// Where to send: transport and resolved address; <see cref="ConnectionId"/> prefers an existing TCP connection
/// (used when it is still open, otherwise a connection to <see cref="EndPoint"/> is reused or opened);
/// <see cref="LocalEndPoint"/> picks the UDP socket to send from (the one a registration arrived on).
/// </summary>
internal sealed record SipTarget(SipTransportType Transport, IPEndPoint EndPoint, long ConnectionId = 0, IPEndPoint? LocalEndPoint = null)
{
    public bool IsReliable => Transport == SipTransportType.Tcp;

    public override string ToString() => Transport.ToString().ToLowerInvariant() + "/" + EndPoint;
}
