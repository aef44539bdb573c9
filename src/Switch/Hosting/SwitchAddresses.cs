using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Switch.Hosting;

/// <summary>
/// The names the switch answers to: its SIP domain (digest realm) and the aliases a phone may put in its
/// To header, and the address it advertises in Via, Contact and SDP.
/// </summary>
internal sealed record SwitchAddresses(string Domain, IReadOnlyList<string> Aliases, string Advertised, string IPv4, string IPv6)
{
    public static SwitchAddresses Resolve(IPEndPoint sipListen, string? domain, string? externalAddress)
    {
        var wildcard = sipListen.Address.Equals(IPAddress.Any) || sipListen.Address.Equals(IPAddress.IPv6Any);
        var local = LocalAddresses();
        var primary = local.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                      ?? IPAddress.Loopback;
        var advertised = !string.IsNullOrWhiteSpace(externalAddress) ? externalAddress.Trim()
            : wildcard ? primary.ToString() : sipListen.Address.ToString();
        var chosenDomain = string.IsNullOrWhiteSpace(domain) ? advertised : domain.Trim();

        var aliases = new List<string>();
        void Alias(string name)
        {
            if (!string.Equals(name, chosenDomain, StringComparison.OrdinalIgnoreCase) && !aliases.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                aliases.Add(name);
            }
        }
        Alias(advertised);
        if (wildcard)
        {
            foreach (var a in local)
            {
                Alias(a.ToString());
            }
            Alias("localhost");
            Alias(Dns.GetHostName());
        }
        else
        {
            Alias(sipListen.Address.ToString());
        }
        var ipv6 = local.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal)?.ToString() ?? "::1";
        var ipv4 = sipListen.Address.AddressFamily == AddressFamily.InterNetwork && !wildcard ? sipListen.Address.ToString() : primary.ToString();
        return new SwitchAddresses(chosenDomain, aliases, advertised, ipv4, ipv6);
    }

    private static List<IPAddress> LocalAddresses()
    {
        var result = new List<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback };
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.OperationalStatus != OperationalStatus.Up)
                {
                    continue;
                }
                foreach (var address in nic.GetIPProperties().UnicastAddresses)
                {
                    if (!result.Contains(address.Address))
                    {
                        result.Add(address.Address);
                    }
                }
            }
        }
        catch (NetworkInformationException)
        {
            // Interfaces cannot be listed here; loopback alone still works.
        }
        return result;
    }
}
