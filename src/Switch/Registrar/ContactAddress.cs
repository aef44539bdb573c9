using System.Globalization;
using System.Net;

namespace Switch.Registrar;

/// <summary>Reads the host and port of a contact URI to tell whether the phone is behind NAT.</summary>
internal static class ContactAddress
{
    /// <summary>
    /// True when the contact's host is an IP literal different from the address the request came from, or
    /// (UDP only) its port differs from the source port. A contact with a DNS name is taken as reachable.
    /// </summary>
    public static bool IsBehindNat(string contactUri, IPEndPoint source, BindingTransport transport)
    {
        if (!TryGetHostPort(contactUri, out var host, out var port, out var secure)
            || !IPAddress.TryParse(host, out var contactAddress))
        {
            return false;
        }
        var sourceAddress = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        if (contactAddress.IsIPv4MappedToIPv6)
        {
            contactAddress = contactAddress.MapToIPv4();
        }
        if (!contactAddress.Equals(sourceAddress))
        {
            return true;
        }
        if (transport != BindingTransport.Udp)
        {
            return false;
        }
        return (port ?? (secure ? 5061 : 5060)) != source.Port;
    }

    /// <summary>Splits <c>scheme:[user@]host[:port][;params][?headers]</c>; IPv6 hosts come without brackets.</summary>
    public static bool TryGetHostPort(string uri, out string host, out int? port, out bool secure)
    {
        host = string.Empty;
        port = null;
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        secure = colon == 4 && uri.StartsWith("sips", StringComparison.OrdinalIgnoreCase);
        if (colon <= 0)
        {
            return false;
        }
        var rest = uri.AsSpan(colon + 1);
        var end = rest.IndexOfAny(';', '?');
        if (end >= 0)
        {
            rest = rest[..end];
        }
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            rest = rest[(at + 1)..];
        }
        ReadOnlySpan<char> portText;
        if (rest.StartsWith("["))
        {
            var close = rest.IndexOf(']');
            if (close < 0)
            {
                return false;
            }
            host = rest[1..close].ToString();
            portText = rest[(close + 1)..];
        }
        else
        {
            var portColon = rest.IndexOf(':');
            host = (portColon < 0 ? rest : rest[..portColon]).ToString();
            portText = portColon < 0 ? [] : rest[portColon..];
        }
        if (portText.Length > 0)
        {
            if (portText[0] != ':' || !int.TryParse(portText[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                || p is < 1 or > 65535)
            {
                return false;
            }
            port = p;
        }
        return host.Length > 0;
    }
}
