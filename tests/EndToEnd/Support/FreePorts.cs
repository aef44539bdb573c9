using System.Net;
using System.Net.Sockets;

namespace Switch.EndToEnd.Support;

/// <summary>Ports free on 127.0.0.1 at the moment of asking, for both TCP and UDP.</summary>
internal static class FreePorts
{
    private static int _next = 20000 + (Environment.ProcessId % 2000) * 10;

    public static int TcpAndUdp()
    {
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            var port = Interlocked.Increment(ref _next);
            if (port > 60000)
            {
                Interlocked.Exchange(ref _next, 20000);
                continue;
            }
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException("no free TCP+UDP port found on 127.0.0.1");
    }

    /// <summary>A block of <paramref name="count"/> consecutive ports free for UDP (RTP ranges).</summary>
    public static int UdpRange(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var start = (Interlocked.Add(ref _next, count + 2) - count) & ~1;
            if (start + count > 60000)
            {
                Interlocked.Exchange(ref _next, 20000);
                continue;
            }
            var ok = true;
            for (var p = start; p < start + count && ok; p++)
            {
                ok = IsFree(p);
            }
            if (ok)
            {
                return start;
            }
        }
        throw new InvalidOperationException("no free UDP port range found on 127.0.0.1");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
