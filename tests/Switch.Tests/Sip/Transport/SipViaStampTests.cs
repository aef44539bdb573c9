using System.Net;
using System.Text;
using Switch.Sip.Message;
using Switch.Sip.Transport;

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
}
