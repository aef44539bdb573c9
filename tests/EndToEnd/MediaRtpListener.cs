using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Switch.EndToEnd;

/// <summary>A caller's RTP socket played by the test: it only listens, and keeps every RTP packet with its arrival time.</summary>
internal sealed class MediaRtpListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public MediaRtpListener() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public sealed record Packet(bool Marker, byte PayloadType, ushort Sequence, uint Timestamp, uint Ssrc, byte[] Payload, TimeSpan Arrival, EndPoint From);

    /// <summary>
    /// Receives until <paramref name="quiet"/> passes without a packet after at least one arrived, or
    /// <paramref name="limit"/> passes in all. Datagrams too short for RTP fail the test.
    /// </summary>
    public async Task<IReadOnlyList<Packet>> ReceiveAsync(TimeSpan quiet, TimeSpan limit)
    {
        var packets = new List<Packet>();
        var clock = Stopwatch.StartNew();
        var buffer = new byte[2048];
        using var overall = new CancellationTokenSource(limit);
        while (!overall.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
            if (packets.Count > 0)
            {
                wait.CancelAfter(quiet);
            }
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), wait.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var data = buffer.AsSpan(0, result.ReceivedBytes);
            Assert.True(data.Length >= 12 && data[0] >> 6 == 2, $"not an RTP packet: {Convert.ToHexString(data)}");
            var headerLength = 12 + (4 * (data[0] & 0x0F));
            packets.Add(new Packet((data[1] & 0x80) != 0, (byte)(data[1] & 0x7F), BinaryPrimitives.ReadUInt16BigEndian(data[2..]),
                BinaryPrimitives.ReadUInt32BigEndian(data[4..]), BinaryPrimitives.ReadUInt32BigEndian(data[8..]),
                data[headerLength..].ToArray(), clock.Elapsed, result.RemoteEndPoint));
        }
        return packets;
    }

    public void Dispose() => _socket.Dispose();
}
