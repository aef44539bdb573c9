using System.Net;
using System.Text;
using Switch.Sip.Message;
using Switch.Sip.Transport;
using Switch.Tests.Sip.Message;

namespace Switch.Tests.Sip.Transport;

public sealed class SipViaStampTests
{
    private static SipRequest Request(string via, string extraVia = "") =>
        SipMessageParser.TryParse(Encoding.ASCII.GetBytes(
            "OPTIONS sip:1000@192.0.2.1 SIP/2.0\r\n" +
            $"Via: {via}{extraVia}\r\n" +
            "Via: SIP/2.0/UDP 198.51.100.1;branch=z9hG4bK-second\r\n" +
            "From: <sip:a@192.0.2.9>;tag=1\r\n" +
            "To: <sip:1000@192.0.2.1>\r\n" +
            "Call-ID: stamp@192.0.2.9\r\n" +
            "CSeq: 1 OPTIONS\r\n" +
            "Content-Length: 0\r\n\r\n"), out var m, out var e) ? (SipRequest)m : throw new InvalidOperationException(e.ToString());

    private static string Text(SipMessage m) => Encoding.ASCII.GetString(m.Data.Span);

    [Theory]
    [InlineData("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa;rport", "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa;rport=40000;received=203.0.113.9")]
    [InlineData("SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKa", "SIP/2.0/UDP 10.0.0.1:5060;rport=40000;branch=z9hG4bKa;received=203.0.113.9")]
    [InlineData("SIP/2.0/UDP 10.0.0.1;received=1.1.1.1;branch=z9hG4bKa;rport", "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKa;rport=40000;received=203.0.113.9")]
    [InlineData("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa", "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa;received=203.0.113.9")]
    [InlineData("SIP/2.0/UDP phone.example.com ; branch=z9hG4bKa ; rport", "SIP/2.0/UDP phone.example.com ; branch=z9hG4bKa;rport=40000;received=203.0.113.9")]
    public void Received_and_rport_are_written_into_the_top_via_only(string via, string expected)
    {
        var request = Request(via);
        var stamped = SipViaStamp.Apply(request, new IPEndPoint(IPAddress.Parse("203.0.113.9"), 40000));

        Assert.Equal(expected, stamped.TopVia!.ToString());
        Assert.Equal("203.0.113.9", stamped.TopVia.Received);
        Assert.Equal(Text(request).Replace("Via: " + via + "\r\n", "Via: " + expected + "\r\n", StringComparison.Ordinal), Text(stamped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.9"), via.Contains("rport", StringComparison.Ordinal) ? 40000 : 5060),
            SipViaStamp.ResponseTarget(stamped.TopVia));
    }

    [Fact]
    public void A_second_via_value_on_the_same_line_is_kept()
    {
        var request = Request("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKa;rport", ", SIP/2.0/TCP 10.9.9.9;branch=z9hG4bKb");
        var stamped = SipViaStamp.Apply(request, new IPEndPoint(IPAddress.Parse("203.0.113.9"), 40000));

        Assert.Contains("Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKa;rport=40000;received=203.0.113.9, SIP/2.0/TCP 10.9.9.9;branch=z9hG4bKb\r\n", Text(stamped), StringComparison.Ordinal);
        Assert.Equal(3, stamped.Vias.Count);
    }

    [Fact]
    public void Ipv6_sources_are_written_without_brackets_and_mapped_ipv4_as_ipv4()
    {
        var v6 = SipViaStamp.Apply(Request("SIP/2.0/UDP [2001:db8::9]:5060;branch=z9hG4bKa;rport"), new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5062));
        Assert.Equal("SIP/2.0/UDP [2001:db8::9]:5060;branch=z9hG4bKa;rport=5062;received=2001:db8::1", v6.TopVia!.ToString());

        var mapped = SipViaStamp.Apply(Request("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKa"), new IPEndPoint(IPAddress.Parse("::ffff:192.0.2.7"), 5062));
        Assert.Equal("192.0.2.7", mapped.TopVia!.Received);
    }

    [Fact]
    public void A_request_from_its_sent_by_address_without_rport_is_left_alone()
    {
        var request = Request("SIP/2.0/UDP 203.0.113.9:5060;branch=z9hG4bKa");
        Assert.Same(request, SipViaStamp.Apply(request, new IPEndPoint(IPAddress.Parse("203.0.113.9"), 5060)));
    }

    [Theory]
    [InlineData("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa;rport", "")]
    [InlineData("SIP/2.0/UDP 10.0.0.1;received=1.1.1.1;branch=z9hG4bKa;rport", ", SIP/2.0/TCP 10.9.9.9;branch=z9hG4bKb")]
    [InlineData("SIP / 2.0 / UDP phone.example.com ; branch=z9hG4bKa ; rport ; maddr=10.1.1.1", "")]
    [InlineData("SIP/2.0/UDP [2001:db8::9];branch=z9hG4bKa;rport", "")]
    public void A_stamped_request_answers_as_the_parse_of_its_bytes(string via, string extraVia)
    {
        var request = Request(via, extraVia);
        foreach (var source in new[] { new IPEndPoint(IPAddress.Parse("203.0.113.9"), 40000), new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5062) })
        {
            var stamped = SipViaStamp.Apply(request, source, forceRport: true);
            Assert.NotSame(request, stamped);
            BuiltMessageAssert.SameAsParsed(stamped);
            Assert.Same(request.CallId, stamped.CallId);
            Assert.Equal(request.TopVia!.Branch, stamped.TopVia!.Branch);
        }
    }

    [Theory]
    [InlineData("SIP/2.0/UDP 203.0.113.9:5060;branch=z9hG4bKa", "203.0.113.9", true)]
    [InlineData("SIP/2.0/UDP 203.0.113.09:5060;branch=z9hG4bKa", "203.0.113.9", false)]
    [InlineData("SIP/2.0/UDP 127.1:5060;branch=z9hG4bKa", "127.0.0.1", true)]
    [InlineData("SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bKa", "127.0.0.1", false)]
    [InlineData("SIP/2.0/UDP [2001:DB8:0::9]:5060;branch=z9hG4bKa", "2001:db8::9", true)]
    [InlineData("SIP/2.0/UDP [2001:db8::9]:5060;branch=z9hG4bKa", "2001:db8::8", false)]
    [InlineData("SIP/2.0/UDP host.example:5060;branch=z9hG4bKa", "203.0.113.9", false)]
    public void The_sent_by_address_is_compared_as_an_address(string via, string source, bool same)
    {
        var request = Request(via);
        var stamped = SipViaStamp.Apply(request, new IPEndPoint(IPAddress.Parse(source), 5060));
        Assert.Equal(same, ReferenceEquals(request, stamped));
        var sentBy = request.TopVia!.Host.Trim('[', ']');
        Assert.Equal(IPAddress.TryParse(sentBy, out var parsed) && parsed.Equals(IPAddress.Parse(source)), same);
    }

    [Fact]
    public void The_response_target_is_the_request_source_itself_when_the_via_names_it()
    {
        var source = new IPEndPoint(IPAddress.Parse("203.0.113.9"), 40000);
        var stamped = SipViaStamp.Apply(Request("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa;rport"), source);
        Assert.Same(source, SipViaStamp.ResponseTarget(stamped.TopVia!, source));

        var other = new IPEndPoint(IPAddress.Parse("203.0.113.9"), 40001);
        Assert.Equal(source, SipViaStamp.ResponseTarget(stamped.TopVia!, other));
        Assert.NotSame(other, SipViaStamp.ResponseTarget(stamped.TopVia!, other));

        var noRport = SipViaStamp.Apply(Request("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKa"), source);
        Assert.Equal(new IPEndPoint(source.Address, 5060), SipViaStamp.ResponseTarget(noRport.TopVia!, source));
        Assert.Null(SipViaStamp.ResponseTarget(Request("SIP/2.0/UDP host.example;branch=z9hG4bKa").TopVia!, source));
    }
}
