using System.Net;
using System.Net.Sockets;

namespace Switch.EventSocket;

/// <summary>Inbound access list of CIDR networks; by default loopback only, like FS's <c>loopback.auto</c>.</summary>
internal sealed class EslAcl
{
    private static readonly IPNetwork[] s_loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];
    private readonly IPNetwork[] _networks;

    public EslAcl(IEnumerable<string>? cidrs)
    {
        if (cidrs is null)
        {
            _networks = s_loopback;
            return;
        }

        var list = new List<IPNetwork>();
        foreach (var cidr in cidrs)
        {
            if (TryParseNetwork(cidr, out var network))
            {
                list.Add(network);
            }
        }

        _networks = [.. list];
    }

    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        text = text.Trim();
        if (!text.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(text, out var single))
        {
            network = new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(text, out network);
    }

    public bool Allows(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
