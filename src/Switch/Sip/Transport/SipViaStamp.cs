using System.Net;
using System.Text;
using Switch.Sip.Message;

namespace Switch.Sip.Transport;

/// <summary>Adds received and fills rport on an incoming request's top Via (RFC 3261 §18.2.1, RFC 3581 §4).</summary>
internal static class SipViaStamp
{
    /// <summary>Longest address literal looked at (an IPv6 address with a zone fits); longer text is a host name.</summary>
    private const int MaxLiteral = 256;

    public static SipRequest Apply(SipRequest request, IPEndPoint source, bool forceRport = false)
    {
        if (request.TopVia is not { } via)
        {
            return request;
        }

        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        var host = via.Host.AsSpan();
        if (host.Length > 1 && host[0] == '[')
        {
            host = host[1..^1];
        }

        var differs = !IsAddress(host, address);
        var rport = via.HasRPort || forceRport;
        if (!differs && !rport)
        {
            return request;
        }

        return request.WithViaStamp(address, rport ? source.Port : null);
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
        if (likely is not null && likely.Port == port && IsAddress(host, likely.Address))
        {
            return likely;
        }

        Span<char> chars = stackalloc char[MaxLiteral];
        if (host.Length > chars.Length)
        {
            return null;
        }

        var n = Encoding.ASCII.GetChars(host, chars);
        return IPAddress.TryParse(chars[..n], out var address) ? new IPEndPoint(address, port) : null;
    }

    /// <summary>True when <paramref name="text"/> is a literal of <paramref name="address"/>; the usual spellings are compared without parsing.</summary>
    private static bool IsAddress(ReadOnlySpan<char> text, IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[MaxLiteral];
        return text.Length <= MaxLiteral && IsAddress(bytes[..Encoding.ASCII.GetBytes(text, bytes)], address);
    }

    private static bool IsAddress(ReadOnlySpan<byte> text, IPAddress address)
    {
        Span<byte> formatted = stackalloc byte[64];
        if (address.TryFormat(formatted, out var n) && Ascii.EqualsIgnoreCase(text, formatted[..n]))
        {
            return true;
        }

        if (IsPlainIPv4(text) || text.Length > MaxLiteral)
        {
            return false; // a different address in the usual spelling, or not an address
        }

        Span<char> chars = stackalloc char[MaxLiteral];
        var count = Encoding.ASCII.GetChars(text, chars);
        return IPAddress.TryParse(chars[..count], out var parsed) && parsed.Equals(address);
    }

    /// <summary>Four decimal numbers up to 255 without leading zeros: the one spelling of an IPv4 address that needs no parser.</summary>
    private static bool IsPlainIPv4(ReadOnlySpan<byte> text)
    {
        var parts = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var value = 0;
            while (i < text.Length && i - start < 3 && SipSyntax.IsDigit(text[i]))
            {
                value = (value * 10) + (text[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0') || ++parts > 4)
            {
                return false;
            }

            if (i < text.Length && (text[i] != '.' || ++i == text.Length))
            {
                return false;
            }
        }

        return parts == 4;
    }
}
