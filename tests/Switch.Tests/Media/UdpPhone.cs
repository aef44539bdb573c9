using System.Net;
using System.Net.Sockets;
using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>A loopback UDP socket standing in for a phone's RTP port.</summary>
internal sealed class UdpPhone : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(2);
    private readonly Socket _socket;
    private ushort _sequence = 1000;
    private uint _timestamp = 8000;

    public UdpPhone()
        : this(IPAddress.Loopback)
    {
    }

    public UdpPhone(IPAddress address)
    {
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(address, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    public uint Ssrc { get; init; } = 0x11112222;

    public int Pending => _socket.Available;

    public void Send(IPEndPoint to, byte[] datagram) => _socket.SendTo(datagram, to);

    /// <summary>Sends the next audio packet of this phone's stream (seq +1, timestamp + payload length).</summary>
    public byte[] SendAudio(IPEndPoint to, byte payloadType, ReadOnlySpan<byte> payload, bool marker = false)
    {
        var packet = new byte[RtpHeader.FixedLength + payload.Length];
        RtpHeader.WriteFixed(packet, marker, payloadType, _sequence++, _timestamp, Ssrc);
        payload.CopyTo(packet.AsSpan(RtpHeader.FixedLength));
        _timestamp += (uint)payload.Length;
        Send(to, packet);
        return packet;
    }

    /// <summary>Sends the packets of one RFC 4733 key press: growing duration, end packet three times.</summary>
    public void SendPress(IPEndPoint to, byte payloadType, char digit, ushort duration)
    {
        Assert.True(TelephoneEvent.TryGetEventCode(digit, out var code));
        var timestamp = _timestamp;
        var payload = new byte[4];
        var first = true;
        for (var d = 160; d < duration; d += 160)
        {
            new TelephoneEvent(code, false, 10, (ushort)d).WriteTo(payload);
            SendRaw(to, payloadType, timestamp, payload, first);
            first = false;
        }

        new TelephoneEvent(code, true, 10, duration).WriteTo(payload);
        for (var i = 0; i < 3; i++)
        {
            SendRaw(to, payloadType, timestamp, payload, false);
        }

        _timestamp += duration;
    }

    public void SendRaw(IPEndPoint to, byte payloadType, uint timestamp, ReadOnlySpan<byte> payload, bool marker = false, ushort? sequence = null)
    {
        var packet = new byte[RtpHeader.FixedLength + payload.Length];
        RtpHeader.WriteFixed(packet, marker, payloadType, sequence ?? _sequence++, timestamp, Ssrc);
        payload.CopyTo(packet.AsSpan(RtpHeader.FixedLength));
        Send(to, packet);
    }

    public async Task<(RtpHeader Header, byte[] Payload, IPEndPoint From)> ReceiveAsync()
    {
        var buffer = new byte[2048];
        using var timeout = new CancellationTokenSource(s_timeout);
        var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0), timeout.Token);
        var datagram = buffer.AsSpan(0, result.ReceivedBytes);
        Assert.True(RtpHeader.TryParse(datagram, out var header, out var error), error.ToString());
        return (header, header.Payload(datagram).ToArray(), (IPEndPoint)result.RemoteEndPoint);
    }

    public async Task<List<(RtpHeader Header, byte[] Payload)>> ReceiveManyAsync(int count)
    {
        var packets = new List<(RtpHeader, byte[])>(count);
        for (var i = 0; i < count; i++)
        {
            var (header, payload, _) = await ReceiveAsync();
            packets.Add((header, payload));
        }

        return packets;
    }

    public void Dispose() => _socket.Dispose();
}
