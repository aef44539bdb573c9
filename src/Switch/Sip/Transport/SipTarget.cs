using System.Diagnostics.CodeAnalysis;
using System.Net;
using Switch.Sip.Message;

namespace Switch.Sip.Transport;

/// <summary>
/// Where to send: transport and resolved address; <see cref="ConnectionId"/> prefers an existing TCP connection
/// (used when it is still open, otherwise a connection to <see cref="EndPoint"/> is reused or opened);
/// <see cref="LocalEndPoint"/> picks the UDP socket to send from (the one a registration arrived on).
/// </summary>
internal sealed record SipTarget(SipTransportType Transport, IPEndPoint EndPoint, long ConnectionId = 0, IPEndPoint? LocalEndPoint = null)
{
    public bool IsReliable => Transport == SipTransportType.Tcp;

    /// <summary>
    /// The target a SIP URI names when its host is an IP address (no DNS): transport from ';transport=' (UDP by
    /// default; sips implies TCP here), port from the URI or 5060; maddr is ignored.
    /// </summary>
    public static bool TryFromUri(SipUri uri, [NotNullWhen(true)] out SipTarget? target)
    {
        target = null;
        if (!uri.IsSip || !IPAddress.TryParse(uri.HostName, out var address))
        {
            return false;
        }

        var transport = uri.IsSecure || string.Equals(uri.Transport, "tcp", StringComparison.OrdinalIgnoreCase)
            ? SipTransportType.Tcp
            : SipTransportType.Udp;
        target = new SipTarget(transport, new IPEndPoint(address, uri.Port ?? 5060));
        return true;
    }

    public override string ToString() => Transport.ToString().ToLowerInvariant() + "/" + EndPoint;
}
