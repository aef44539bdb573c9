using System.Net;
using System.Net.Sockets;

namespace Switch.Tests.Support;

/// <summary>
/// RTP port ranges for tests that bind real sockets. Test classes run in parallel and share the loopback, so a
/// random range can land on another test's range, or on a client socket's ephemeral port (32768–60999 on Linux),
/// and then a leg fails to bind. Ranges come from below the ephemeral range, never overlap within this process,
/// and are probed for other processes before use.
/// </summary>
internal static class UdpPortRanges
{
    private const int Low = 10000;
    private const int High = 32000;
    private static int s_next = Low + (2 * Random.Shared.Next(0, 2000));
    private static readonly Lock s_lock = new();

    /// <summary>The first port of <paramref name="count"/> consecutive UDP ports on 127.0.0.1, free right now (even first port).</summary>
    public static int Take(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            int from;
            lock (s_lock)
            {
                if (s_next + count > High)
                {
                    s_next = Low;
                }
                from = s_next;
                s_next += count + (count % 2) + 2;
            }
            if (IsFree(from, count))
            {
                return from;
            }
        }
        throw new InvalidOperationException($"no {count} free consecutive UDP ports on 127.0.0.1 between {Low} and {High}");
    }

    private static bool IsFree(int from, int count)
    {
        var probes = new List<Socket>(count);
        try
        {
            for (var port = from; port < from + count; port++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                probes.Add(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            }
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            foreach (var socket in probes)
            {
                socket.Dispose();
            }
        }
    }
}
