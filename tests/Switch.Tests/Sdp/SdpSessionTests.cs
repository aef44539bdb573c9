using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Switch.Sdp;

namespace Switch.Tests.Sdp;

public sealed class SdpSessionTests
{
    [Fact]
    public void Parses_the_XLite_offer_from_the_seed()
    {
        var sdp = SdpFixtures.Parse(SdpFixtures.XLiteOffer);

        Assert.Equal(new SdpOrigin("-", "13153395802875591", 1, "IN", "IP4", "10.240.80.69"), sdp.Origin);
        Assert.Equal("X-Lite release 4.9.8 stamp 84253", sdp.SessionName);
        Assert.Equal(new SdpConnection("IN", "IP4", "10.240.80.69"), sdp.Connection);
        var audio = Assert.Single(sdp.Media);
        Assert.Equal(64836, audio.Port);
        Assert.Equal("RTP/AVP", audio.Protocol);
        Assert.Equal(["9", "8", "120", "0", "84", "101"], audio.Formats);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);

        var codecs = audio.GetCodecs();
        Assert.Equal(
            ["G722/8000", "PCMA/8000", "opus/48000", "PCMU/8000", "speex/16000", "telephone-event/8000"],
            codecs.Select(c => $"{c.EncodingName}/{c.ClockRate}"));
        Assert.Equal(2, codecs[2].Channels);
        Assert.Equal("useinbandfec=1; usedtx=1; maxaveragebitrate=64000", codecs[2].Fmtp);
        Assert.Equal("0-15", codecs[5].Fmtp);
        Assert.True(codecs[5].IsTelephoneEvent);
    }

    [Theory]
    [InlineData(SdpFixtures.XLiteOffer)]
    [InlineData(SdpFixtures.FreeSwitchOffer)]
    [InlineData(SdpFixtures.FreeSwitchAnswer)]
    [InlineData(SdpFixtures.XLiteAnswer)]
    public void Writes_seed_bodies_back_byte_for_byte(string text)
    {
        var sdp = SdpFixtures.Parse(text);

        Assert.Equal(text, sdp.ToString());
        var writer = new ArrayBufferWriter<byte>();
        sdp.WriteTo(writer);
        Assert.Equal(Encoding.UTF8.GetBytes(text), writer.WrittenSpan.ToArray());
        Assert.True(SdpSession.TryParse(writer.WrittenSpan, out var again, out _));
        Assert.Equal(sdp, again);
    }

    [Fact]
    public void Accepts_LF_line_ends_and_blank_lines_and_writes_CRLF()
    {
        var lf = SdpFixtures.FreeSwitchAnswer.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n\n";

        var sdp = SdpFixtures.Parse(lf);

        Assert.Equal(SdpFixtures.FreeSwitchAnswer, sdp.ToString());
    }

    [Fact]
    public void Keeps_unknown_and_informational_lines_in_canonical_order()
    {
        const string text =
            "v=0\r\no=alice 1 2 IN IP6 ::1\r\ns=call\r\ni=info\r\nu=http://x\r\ne=a@b\r\np=+1\r\nc=IN IP6 ::1\r\n" +
            "b=AS:64\r\nt=10 20\r\nr=7d 1h 0 25h\r\nz=2882844526 -1h\r\nk=prompt\r\na=group:BUNDLE a\r\na=recvonly\r\n" +
            "m=audio 4000/2 RTP/AVP 0\r\ni=voice\r\nc=IN IP6 ::2\r\nb=TIAS:64000\r\na=x-custom:1 2 3\r\n" +
            "m=video 0 RTP/SAVP 96\r\n";

        var sdp = SdpFixtures.Parse(text);

        Assert.Equal(text, sdp.ToString());
        Assert.Equal(SdpDirection.RecvOnly, sdp.GetDirection(sdp.Media[0]));
        Assert.Equal(2, sdp.Media[0].PortCount);
        Assert.Equal("::2", sdp.GetConnection(sdp.Media[0])!.Address);
        Assert.Equal("::1", sdp.GetConnection(sdp.Media[1])!.Address);
        Assert.Equal(["7d 1h 0 25h"], sdp.Times[0].Repeats);
        Assert.Equal(0, sdp.FindAudioIndex());
    }

    [Theory]
    [InlineData("", nameof(SdpParseError.Empty))]
    [InlineData("\r\n\r\n", nameof(SdpParseError.Empty))]
    [InlineData("o=- 1 1 IN IP4 1.2.3.4\r\n", nameof(SdpParseError.MissingVersion))]
    [InlineData("v=1\r\no=- 1 1 IN IP4 1.2.3.4\r\n", nameof(SdpParseError.UnsupportedVersion))]
    [InlineData("v=0\r\ns=x\r\n", nameof(SdpParseError.MissingOrigin))]
    [InlineData("v=0\r\no=- 1 x IN IP4 1.2.3.4\r\n", nameof(SdpParseError.InvalidOrigin))]
    [InlineData("v=0\r\no=- 1 1 IN IP4\r\n", nameof(SdpParseError.InvalidOrigin))]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4\r\n", nameof(SdpParseError.InvalidConnection))]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nt=0\r\n", nameof(SdpParseError.InvalidTime))]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 70000 RTP/AVP 0\r\n", nameof(SdpParseError.InvalidMedia))]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio -1 RTP/AVP 0\r\n", nameof(SdpParseError.InvalidMedia))]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 1\r\n", nameof(SdpParseError.InvalidMedia))]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\na=:x\r\n", nameof(SdpParseError.InvalidAttribute))]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nhello\r\n", nameof(SdpParseError.InvalidLine))]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nX=1\r\n", nameof(SdpParseError.InvalidLine))]
    public void Rejects_bad_bodies_with_a_reason(string text, string expected)
    {
        Assert.False(SdpSession.TryParse(text, out var session, out var error));
        Assert.Null(session);
        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void Rejects_oversized_bodies_and_too_many_media_sections()
    {
        var big = new byte[SdpSession.MaxLength + 1];
        Assert.False(SdpSession.TryParse(big, out _, out var error));
        Assert.Equal(SdpParseError.TooLarge, error);

        var many = new StringBuilder("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\n");
        for (var i = 0; i <= SdpParser.MaxMedia; i++)
        {
            many.Append("m=audio 0 RTP/AVP 0\r\n");
        }

        Assert.False(SdpSession.TryParse(many.ToString(), out _, out error));
        Assert.Equal(SdpParseError.TooManyMedia, error);
    }

    [Fact]
    public void Missing_session_name_and_time_are_filled_in_on_write()
    {
        var sdp = SdpFixtures.Parse("v=0\no=- 1 1 IN IP4 1.2.3.4\nm=audio 5000 RTP/AVP 0\n");

        Assert.Equal("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n", sdp.ToString());
    }

    [Fact]
    public void Parse_never_throws_on_arbitrary_bytes() =>
        Prop.ForAll(
                ArbMap.Default.ArbFor<byte[]>(),
                bytes =>
                {
                    var ok = SdpSession.TryParse(bytes, out var session, out var error);
                    return ok == (session is not null) && ok == (error == SdpParseError.None);
                })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Parse_never_throws_on_mutated_seed_bodies_and_write_then_parse_is_stable()
    {
        var gen =
            from cut in Gen.Choose(0, SdpFixtures.XLiteOffer.Length)
            from insert in Gen.Elements("", "\r\n", "=", " ", ":", "/", "m=", "a=rtpmap:", "c=IN IP4 ", "0", "\n\n", "\u00e9", "\0")
            from drop in Gen.Choose(0, 5)
            select SdpFixtures.XLiteOffer[..cut] + insert + SdpFixtures.XLiteOffer[Math.Min(SdpFixtures.XLiteOffer.Length, cut + drop)..];

        Prop.ForAll(
                gen.ToArbitrary(),
                text =>
                {
                    if (!SdpSession.TryParse(text, out var session, out _))
                    {
                        return true;
                    }

                    var written = session.ToString();
                    return SdpSession.TryParse(written, out var again, out _) && again == session && again.ToString() == written;
                })
            .QuickCheckThrowOnFailure();
    }
}
