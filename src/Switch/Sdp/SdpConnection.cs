using System.Net;

namespace Switch.Sdp;

/// <summary>The <c>c=</c> line (RFC 4566 §5.7): <c>IN IP4 192.0.2.1</c>.</summary>
internal sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    public const string Internet = "IN";
    public const string Ip4 = "IP4";
    public const string Ip6 = "IP6";

    /// <summary>RFC 2543 hold: <c>c=IN IP4 0.0.0.0</c> (or the IPv6 unspecified address).</summary>
    public bool IsUnspecified => Address is "0.0.0.0" or "::";

    /// <summary>The address without a multicast <c>/ttl</c> suffix, when it is an IP literal.</summary>
    public IPAddress? TryGetIPAddress()
    {
        var text = Address;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            text = text[..slash];
        }

        return IPAddress.TryParse(text, out var address) ? address : null;
    }

    /// <summary>A connection line for an address, choosing IP4 or IP6 from its family.</summary>
    public static SdpConnection For(IPAddress address) =>
        new(Internet, AddressTypeOf(address), address.ToString());

    public static string AddressTypeOf(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? Ip6 : Ip4;

    public override string ToString() => $"{NetworkType} {AddressType} {Address}";
}
