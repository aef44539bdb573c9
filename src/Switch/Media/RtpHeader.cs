using System.Buffers.Binary;

namespace Switch.Media;

/// <summary>
/// A parsed RFC 3550 fixed header plus the location of the payload inside the datagram. A value type so
/// parsing allocates nothing; the packet bytes stay where they are.
/// </summary>
internal readonly record struct RtpHeader(
    bool Padding,
    bool Extension,
    int CsrcCount,
    bool Marker,
    byte PayloadType,
    ushort SequenceNumber,
    uint Timestamp,
    uint Ssrc,
    int PayloadOffset,
    int PayloadLength)
{
    public const int FixedLength = 12;
    public const int Version = 2;

    /// <summary>The payload slice of <paramref name="packet"/> (the datagram this header was parsed from).</summary>
    public ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> packet) => packet.Slice(PayloadOffset, PayloadLength);

    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header, out RtpParseError error)
    {
        header = default;
        if (packet.Length < FixedLength)
        {
            error = RtpParseError.TooShort;
            return false;
        }

        var first = packet[0];
        if (first >> 6 != Version)
        {
            error = RtpParseError.UnsupportedVersion;
            return false;
        }

        var padding = (first & 0x20) != 0;
        var extension = (first & 0x10) != 0;
        var csrcCount = first & 0x0F;
        var offset = FixedLength + (csrcCount * 4);
        if (offset > packet.Length)
        {
            error = RtpParseError.CsrcOverflow;
            return false;
        }

        if (extension)
        {
            if (offset + 4 > packet.Length)
            {
                error = RtpParseError.ExtensionOverflow;
                return false;
            }

            var words = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            offset += 4 + (words * 4);
            if (offset > packet.Length)
            {
                error = RtpParseError.ExtensionOverflow;
                return false;
            }
        }

        var payloadLength = packet.Length - offset;
        if (padding)
        {
            var padCount = packet[^1];
            if (padCount == 0 || padCount > payloadLength)
            {
                error = RtpParseError.InvalidPadding;
                return false;
            }

            payloadLength -= padCount;
        }

        var second = packet[1];
        header = new RtpHeader(
            padding,
            extension,
            csrcCount,
            (second & 0x80) != 0,
            (byte)(second & 0x7F),
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            offset,
            payloadLength);
        error = RtpParseError.None;
        return true;
    }

    /// <summary>
    /// Writes a 12-byte header (no padding, extension or CSRC) and returns its length; the payload goes after it.
    /// </summary>
    public static int WriteFixed(Span<byte> destination, bool marker, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        destination[0] = Version << 6;
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
        return FixedLength;
    }

    /// <summary>Writes this header (with its flags and CSRC count; CSRC and extension bytes are the caller's).</summary>
    public int WriteTo(Span<byte> destination)
    {
        WriteFixed(destination, Marker, PayloadType, SequenceNumber, Timestamp, Ssrc);
        destination[0] |= (byte)((Padding ? 0x20 : 0) | (Extension ? 0x10 : 0) | (CsrcCount & 0x0F));
        return FixedLength;
    }

    /// <summary>Rewrites marker, PT, sequence, timestamp and SSRC in place, leaving CSRC/extension/payload alone.</summary>
    public static void Rewrite(Span<byte> packet, bool marker, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        packet[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);
    }
}
