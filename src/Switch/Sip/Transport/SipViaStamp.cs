using System.Net;
using System.Text;
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
        Span<byte> host = stackalloc byte[Encoding.ASCII.GetMaxByteCount(via.Host.Length)];
        host = host[..Encoding.ASCII.GetBytes(via.Host, host)];
        return SipViaReceived.IsDue(host, via.HasRPort, address, forceRport, out var rport)
            ? request.WithViaStamp(address, rport ? source.Port : null)
            : request;
    }

    /// <summary>Where a UDP response to a request that came over <paramref name="requestFlow"/> is sent: its top Via's target, else the request's source.</summary>
    public static IPEndPoint UdpDestination(SipResponse response, SipFlow requestFlow) =>
        (response.TopVia is { } via ? ResponseTarget(via, requestFlow.Remote) : null) ?? requestFlow.Remote;

    /// <summary>
    /// Where a response goes over UDP (RFC 3261 §18.2.2, RFC 3581 §4): received (or host) and rport (or port, or 5060).
    /// Returns <paramref name="likely"/> itself when it is that address (the request's source, usually), allocating nothing.
    /// </summary>
    public static IPEndPoint? ResponseTarget(SipVia via, IPEndPoint? likely = null)
    {
        var host = via.GetResponseAddress(out var viaPort);
        var port = viaPort ?? 5060;
        if (likely is not null && likely.Port == port && SipViaReceived.IsAddress(host, likely.Address))
        {
            return likely;
        }

        return SipViaReceived.ParseAddress(host) is { } address ? new IPEndPoint(address, port) : null;
    }
}
