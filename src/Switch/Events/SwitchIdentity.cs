namespace Switch.Events;

/// <summary>Who this switch is, as the standard event headers name it.</summary>
public sealed record SwitchIdentity(string CoreUuid, string Hostname, string Switchname, string IPv4, string IPv6)
{
    public static SwitchIdentity ForThisHost(string ipv4, string ipv6 = "::1")
    {
        var host = System.Net.Dns.GetHostName();
        return new SwitchIdentity(Guid.NewGuid().ToString(), host, host, ipv4, ipv6);
    }
}
