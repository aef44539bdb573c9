using System.Net;
using Switch.Sip.Message;

namespace Switch.Sip.Transport;

/// <summary>Adds received and fills rport on an incoming request's top Via (RFC 3261 §18.2.1, RFC 3581 §4).</summary>
internal static class SipViaStamp
{
    public static SipRequest Apply(SipRequest request, IPEndPoint source, bool forceRport = false)
    {
        if (request.TopVia is not { } via)
        {
            return request;
        }

        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        var host = via.Host.Length > 1 && via.Host[0] == '[' ? via.Host[1..^1] : via.Host;
        var differs = !IPAddress.TryParse(host, out var sentBy) || !sentBy.Equals(address);
        var rport = via.HasRPort || forceRport;
        if (!differs && !rport)
        {
            return request;
        }

        return request.WithViaStamp(address, rport ? source.Port : null);
    }

    /// <summary>Where a UDP response to a request that came over <paramref name="requestFlow"/> is sent: its top Via's target, else the request's source.</summary>
    public static IPEndPoint UdpDestination(SipResponse response, SipFlow requestFlow) =>
        (response.TopVia is { } via ? ResponseTarget(via) : null) ?? requestFlow.Remote;

    /// <summary>Where a response goes over UDP (RFC 3261 §18.2.2, RFC 3581 §4): received (or host) and rport (or port, or 5060).</summary>
    public static IPEndPoint? ResponseTarget(SipVia via)
    {
        var host = via.Received ?? via.Host;
        if (host.Length > 1 && host[0] == '[')
        {
            host = host[1..^1];
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            return null;
        }

        return new IPEndPoint(address, via.RPort ?? via.Port ?? 5060);
    }
}
