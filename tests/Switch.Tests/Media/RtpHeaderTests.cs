using FsCheck;
using FsCheck.Fluent;
using Switch.Media;

namespace Switch.Tests.Media;

public sealed class RtpHeaderTests
{
    [Fact]
    public void Parses_every_field_of_a_packet_with_csrc_extension_and_padding()
    {
        byte[] packet =
        [
            0xB2, 0x88, 0x12, 0x34, 0x00, 0x01, 0xE2, 0x40, 0xDE, 0xAD, 0xBE, 0xEF, // V=2 P X CC=2, M PT=8, seq, ts, ssrc
            0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, // two CSRCs
            0xBE, 0xDE, 0x00, 0x01, 0x11, 0x22, 0x33, 0x44, // one-word extension
            0xAA, 0xBB, 0xCC, // payload
            0x00, 0x00, 0x03, // padding (3 bytes, count last)
        ];

        Assert.True(RtpHeader.TryParse(packet, out var header, out var error));
        Assert.Equal(RtpParseError.None, error);
        Assert.True(header.Padding);
        Assert.True(header.Extension);
        Assert.Equal(2, header.CsrcCount);
        Assert.True(header.Marker);
        Assert.Equal(8, header.PayloadType);
        Assert.Equal(0x1234, header.SequenceNumber);
        Assert.Equal(123456u, header.Timestamp);
        Assert.Equal(0xDEADBEEFu, header.Ssrc);
        Assert.Equal(28, header.PayloadOffset);
        Assert.Equal(new byte[] { 0xAA, 0xBB, 0xCC }, header.Payload(packet).ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, nameof(RtpParseError.TooShort))]
    [InlineData(new byte[] { 0x40, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, nameof(RtpParseError.UnsupportedVersion))]
    [InlineData(new byte[] { 0x81, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, nameof(RtpParseError.CsrcOverflow))]
    [InlineData(new byte[] { 0x90, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, nameof(RtpParseError.ExtensionOverflow))]
    [InlineData(new byte[] { 0x90, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, nameof(RtpParseError.ExtensionOverflow))]
    [InlineData(new byte[] { 0xA0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xAA, 0x00 }, nameof(RtpParseError.InvalidPadding))]
    [InlineData(new byte[] { 0xA0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xAA, 0x05 }, nameof(RtpParseError.InvalidPadding))]
    public void Rejects_malformed_packets(byte[] packet, string expected)
    {
        Assert.False(RtpHeader.TryParse(packet, out _, out var error));
        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void Write_then_parse_round_trips_every_field() =>
        Prop.ForAll(
                ArbMap.Default.ArbFor<(bool, byte, ushort, uint, uint)>(),
                ArbMap.Default.ArbFor<byte[]>(),
                (fields, payload) =>
                {
                    var (marker, pt, seq, ts, ssrc) = fields;
                    var packet = new byte[RtpHeader.FixedLength + payload.Length];
                    RtpHeader.WriteFixed(packet, marker, (byte)(pt & 0x7F), seq, ts, ssrc);
                    payload.CopyTo(packet, RtpHeader.FixedLength);
                    return RtpHeader.TryParse(packet, out var header, out _) &&
                           header.Marker == marker && header.PayloadType == (pt & 0x7F) &&
                           header.SequenceNumber == seq && header.Timestamp == ts && header.Ssrc == ssrc &&
                           header.Payload(packet).SequenceEqual(payload);
                })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Parse_never_throws_and_payload_stays_inside_the_datagram() =>
        Prop.ForAll(
                ArbMap.Default.ArbFor<byte[]>(),
                bytes =>
                {
                    if (bytes.Length > 0)
                    {
                        bytes[0] = (byte)((bytes[0] & 0x3F) | 0x80);
                    }

                    return !RtpHeader.TryParse(bytes, out var header, out _) ||
                           (header.PayloadOffset >= RtpHeader.FixedLength && header.PayloadOffset + header.PayloadLength <= bytes.Length && header.PayloadLength >= 0);
                })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Rewrite_changes_only_the_rewritten_fields()
    {
        var packet = new byte[20];
        RtpHeader.WriteFixed(packet, false, 0, 1, 2, 3);
        packet[0] |= 0x01;
        packet[12] = 0x77;

        RtpHeader.Rewrite(packet, true, 8, 100, 200, 300);

        Assert.True(RtpHeader.TryParse(packet, out var header, out _));
        Assert.Equal((true, (byte)8, (ushort)100, 200u, 300u, 1), (header.Marker, header.PayloadType, header.SequenceNumber, header.Timestamp, header.Ssrc, header.CsrcCount));
        Assert.Equal(0x77, packet[12]);
    }

    [Fact]
    public void Parse_and_write_allocate_nothing()
    {
        var packet = new byte[172];
        RtpHeader.WriteFixed(packet, true, 0, 1, 160, 42);
        var sum = 0L;
        RtpHeader.TryParse(packet, out _, out _);
        G711.MuLawToALaw(packet.AsSpan(12), packet.AsSpan(12));

        // A per-packet allocation would show in every pass; the JIT (tiering, OSR) may allocate once, so the
        // quietest of a few passes must be zero.
        var quietest = long.MaxValue;
        for (var pass = 0; pass < 5; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                RtpHeader.WriteFixed(packet, false, 0, (ushort)i, (uint)i * 160, 42);
                if (RtpHeader.TryParse(packet, out var header, out _))
                {
                    sum += header.SequenceNumber + header.Payload(packet).Length;
                }

                G711.MuLawToALaw(packet.AsSpan(12), packet.AsSpan(12));
            }
            quietest = Math.Min(quietest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, quietest);
        Assert.True(sum > 0);
    }
}
