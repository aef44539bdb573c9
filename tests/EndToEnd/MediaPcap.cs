using System.Buffers.Binary;

namespace Switch.EndToEnd;

/// <summary>
/// Writes RTP packets as a classic libpcap file (Ethernet, IPv4, UDP) that sipp's <c>play_pcap_audio</c>
/// replays with the recorded inter-packet timing. sipp only keeps the UDP payload and the timing: it sends
/// from the scenario's media port to the address and port in the far end's SDP.
/// </summary>
internal static class MediaPcap
{
    private const int EthernetLength = 14;
    private const int Ipv4Length = 20;
    private const int UdpLength = 8;
    private const int RtpLength = 12;

    /// <summary>One RTP packet: header fields, payload and the capture time offset.</summary>
    public sealed record Packet(bool Marker, byte PayloadType, ushort Sequence, uint Timestamp, uint Ssrc, byte[] Payload, TimeSpan At);

    /// <summary>
    /// A µ-law (PT 0) sine, 20 ms per packet, the first with the marker bit. The sequence and timestamp end just
    /// before <paramref name="nextSequence"/> / <paramref name="nextTimestamp"/> so another capture of the same SSRC
    /// (sip-tester's DTMF pcaps) continues the stream.
    /// </summary>
    public static IReadOnlyList<Packet> MuLawTone(double frequency, double amplitude, int packets, uint ssrc, ushort nextSequence, uint nextTimestamp)
    {
        var list = new List<Packet>(packets);
        for (var i = 0; i < packets; i++)
        {
            var pcm = MediaAudio.Sine(frequency, amplitude, i * 160, 160);
            var payload = new byte[160];
            for (var s = 0; s < payload.Length; s++)
            {
                payload[s] = MediaAudio.EncodeMuLaw(pcm[s]);
            }
            list.Add(new Packet(i == 0, 0, (ushort)(nextSequence - packets + i), nextTimestamp - (uint)((packets - i) * 160), ssrc,
                payload, TimeSpan.FromMilliseconds(20 * i)));
        }
        return list;
    }

    public static void Write(string path, IEnumerable<Packet> packets)
    {
        using var file = File.Create(path);
        Span<byte> global = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(global, 0xa1b2c3d4);
        BinaryPrimitives.WriteUInt16LittleEndian(global[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(global[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(global[16..], 65535);  // snaplen
        BinaryPrimitives.WriteUInt32LittleEndian(global[20..], 1);      // LINKTYPE_ETHERNET
        file.Write(global);
        var epoch = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Span<byte> record = stackalloc byte[16];
        foreach (var packet in packets)
        {
            var frame = Frame(packet);
            var at = epoch + packet.At;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)at.ToUnixTimeSeconds());
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(at.Ticks % TimeSpan.TicksPerSecond / 10));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            file.Write(record);
            file.Write(frame);
        }
    }

    private static byte[] Frame(Packet p)
    {
        var udpLength = UdpLength + RtpLength + p.Payload.Length;
        var frame = new byte[EthernetLength + Ipv4Length + udpLength];
        var span = frame.AsSpan();
        // Ethernet: locally administered MACs, EtherType IPv4.
        span[0] = 0x02;
        span[6] = 0x02;
        span[11] = 0x01;
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], 0x0800);
        // IPv4 127.0.0.1 -> 127.0.0.1, DF, TTL 64, UDP.
        var ip = span.Slice(EthernetLength, Ipv4Length);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(Ipv4Length + udpLength));
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000);
        ip[8] = 64;
        ip[9] = 17;
        ip[12] = 127;
        ip[15] = 1;
        ip[16] = 127;
        ip[19] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Ipv4Checksum(ip));
        // UDP (checksum 0: none, allowed over IPv4).
        var udp = span.Slice(EthernetLength + Ipv4Length, UdpLength);
        BinaryPrimitives.WriteUInt16BigEndian(udp, 40000);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], 40002);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)udpLength);
        // RTP version 2.
        var rtp = span[(EthernetLength + Ipv4Length + UdpLength)..];
        rtp[0] = 0x80;
        rtp[1] = (byte)((p.Marker ? 0x80 : 0) | p.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(rtp[2..], p.Sequence);
        BinaryPrimitives.WriteUInt32BigEndian(rtp[4..], p.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(rtp[8..], p.Ssrc);
        p.Payload.CopyTo(rtp[RtpLength..]);
        return frame;
    }

    private static ushort Ipv4Checksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (var i = 0; i < header.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }
        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (ushort)~sum;
    }
}
