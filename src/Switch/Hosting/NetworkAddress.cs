using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Switch.Hosting;

/// <summary>Parses the address forms the options use: IP:PORT, [IPv6]:PORT, FROM-TO port ranges, CIDRs.</summary>
internal static class NetworkAddress
{
    public static bool TryParseEndPoint(string? text, [NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }
        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            return false; // a bare IPv6 address needs brackets to carry a port
        }
        if (!IPAddress.TryParse(host, out var address)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 0 or > 65535)
        {
            return false;
        }
        endPoint = new IPEndPoint(address, port);
        return true;
    }

    public static bool TryParsePortRange(string? text, out int from, out int to)
    {
        from = to = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && int.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out from)
            && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out to)
            && from is >= 1024 and <= 65534 && to <= 65535 && to - from >= 3;
    }

    public static bool TryParseNetwork(string? text, [NotNullWhen(true)] out IPNetwork? network)
    {
        network = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        if (IPNetwork.TryParse(text, out var parsed))
        {
            network = parsed;
            return true;
        }
        if (IPAddress.TryParse(text, out var single))
        {
            network = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return false;
    }
}
