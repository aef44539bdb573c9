using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Switch.Sdp;

namespace Switch.Tests.Sdp;

/// <summary>
/// The parser splits lines without lists and shares common token strings; these compare what it reads with a plain
/// string split of the same lines, and the codecs with a model of rtpmap/fmtp lookup by payload type.
/// </summary>
public sealed class SdpTokenTests
{
    private static readonly string[] FormatTokens = ["0", "8", "9", "18", "96", "101", "127", "00", "08", "128", "999", "x", "t38"];

    private static Gen<string> Separator => Gen.Elements(" ", "  ", "\t", " \t ");

    [Fact]
    public void M_line_formats_are_the_tokens_in_order_even_past_the_stack_room() =>
        Prop.ForAll(
                (from count in Gen.Choose(1, 150)
                 from formats in Gen.ArrayOf(Gen.Elements(FormatTokens), count)
                 from separators in Gen.ArrayOf(Separator, count + 3)
                 select (formats, separators)).ToArbitrary(),
                c =>
                {
                    var line = "m=audio" + c.separators[0] + "4000" + c.separators[1] + "RTP/AVP";
                    for (var i = 0; i < c.formats.Length; i++)
                    {
                        line += c.separators[i + 2] + c.formats[i];
                    }

                    var text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n" + line + "\r\n";
                    return SdpSession.TryParse(text, out var session, out _)
                        && session.Media[0].Formats.SequenceEqual(c.formats)
                        && session.Media[0].Port == 4000 && session.Media[0].Protocol == "RTP/AVP";
                })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Origin_connection_and_time_fields_are_the_tokens()
    {
        var gen =
            from separator in Separator
            from user in Gen.Elements("-", "alice", "0", "127")
            from id in Gen.Elements("0", "13153395802875591", "42")
            from address in Gen.Elements("192.0.2.55", "IN", "::1", "0.0.0.0")
            from type in Gen.Elements("IP4", "IP6", "ip4")
            from start in Gen.Elements("0", "3034423619", "00")
            select (separator, user, id, address, type, start);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var s = c.separator;
            var text = $"v=0\r\no={c.user}{s}{c.id}{s}7{s}IN{s}{c.type}{s}{c.address}\r\ns=-\r\nc=IN{s}{c.type}{s}{c.address}\r\nt={c.start}{s}0\r\nm=audio 1 RTP/AVP 0\r\n";
            return SdpSession.TryParse(text, out var session, out _)
                && session.Origin == new SdpOrigin(c.user, c.id, 7, "IN", c.type, c.address)
                && session.Connection == new SdpConnection("IN", c.type, c.address)
                && session.Times[0].Start == c.start && session.Times[0].Stop == "0";
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Codecs_take_the_first_rtpmap_and_fmtp_of_their_payload_type()
    {
        var attribute =
            from kind in Gen.Elements("rtpmap", "fmtp", "RTPMAP", "ptime")
            from pt in Gen.Elements(0, 8, 9, 18, 96, 101, 120)
            from name in Gen.Elements("opus", "PCMA", "telephone-event", "speex", "X-Odd")
            from rate in Gen.Elements(8000, 16000, 48000)
            from parameters in Gen.Elements("0-15", "useinbandfec=1; usedtx=1", "mode=30", "")
            select kind.ToLowerInvariant() switch
            {
                "rtpmap" => $"a={kind}:{pt} {name}/{rate}",
                "fmtp" => $"a={kind}:{pt} {parameters}",
                _ => "a=ptime:20",
            };
        var gen =
            from formats in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements("0", "8", "9", "18", "96", "101", "120", "3"), n))
            from attributes in Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(attribute, n))
            select (formats, attributes);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP " + string.Join(' ', c.formats) + "\r\n"
                + string.Concat(c.attributes.Select(a => a + "\r\n"));
            Assert.True(SdpSession.TryParse(text, out var session, out var error), error.ToString());
            var actual = session.Media[0].GetCodecs();
            var expected = new List<SdpCodec>();
            foreach (var format in c.formats)
            {
                var pt = int.Parse(format, CultureInfo.InvariantCulture);
                var rtpmap = c.attributes.FirstOrDefault(a => a.StartsWith("a=rtpmap:" + pt + " ", StringComparison.OrdinalIgnoreCase));
                var fmtp = c.attributes.FirstOrDefault(a => a.StartsWith("a=fmtp:" + pt + " ", StringComparison.OrdinalIgnoreCase));
                SdpCodec? codec = null;
                if (rtpmap is not null)
                {
                    var encoding = rtpmap[(rtpmap.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split('/');
                    codec = new SdpCodec(pt, encoding[0], int.Parse(encoding[1], CultureInfo.InvariantCulture));
                }
                else
                {
                    codec = SdpCodec.FromStaticPayloadType(pt);
                }

                if (codec is not null)
                {
                    expected.Add(fmtp is null ? codec : codec with { Fmtp = fmtp[(fmtp.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim() });
                }
            }

            Assert.Equal(expected, actual);
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
