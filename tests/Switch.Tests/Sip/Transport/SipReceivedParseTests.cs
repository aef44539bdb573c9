using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Switch.Sip.Message;
using Switch.Sip.Transport;
using Switch.Tests.Sip.Message;

namespace Switch.Tests.Sip.Transport;

/// <summary>
/// The transport parses straight from its receive buffer and stamps the top Via while copying: the result must be
/// the message the two-step way gives (parse a copy, then <see cref="SipViaStamp.Apply"/>), whatever the buffer holds later.
/// </summary>
public sealed class SipReceivedParseTests
{
    private static readonly IPEndPoint[] Sources =
    [
        new(IPAddress.Parse("203.0.113.9"), 40000),
        new(IPAddress.Parse("192.0.2.1"), 5060),
        new(IPAddress.Parse("10.0.0.1"), 5060),
        new(IPAddress.Parse("2001:db8::1"), 5062),
        new(IPAddress.Parse("::ffff:192.0.2.7"), 5070),
    ];

    private static readonly string[] Vias =
    [
        "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa;rport",
        "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKa",
        "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKa",
        "SIP/2.0/UDP 192.0.2.1:5060;rport;branch=z9hG4bKa;received=1.1.1.1",
        "SIP/2.0/TCP [2001:db8::1]:5062;branch=z9hG4bKa;rport=1",
        "SIP / 2.0 / UDP phone.example.com ; branch=z9hG4bKa ; rport ; maddr=10.1.1.1",
        "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKa;rport, SIP/2.0/TCP 10.9.9.9;branch=z9hG4bKb",
        "SIP/2.0/UDP 127.1;branch=z9hG4bKa",
    ];

    [Fact]
    public void Corpus_messages_parse_as_parse_then_stamp()
    {
        var inputs = TortureCorpus.Entries.Select(e => e.Bytes)
            .Append(Encoding.ASCII.GetBytes(SeedMessages.Invite)).Append(Encoding.ASCII.GetBytes(SeedMessages.Register)).ToArray();
        var compared = 0;
        foreach (var bytes in inputs)
        {
            foreach (var source in Sources)
            {
                compared += Compare(bytes, source, forceRport: false) + Compare(bytes, source, forceRport: true);
            }
        }

        Assert.True(compared > 200, $"{compared} messages compared");
    }

    [Fact]
    public void Generated_vias_parse_as_parse_then_stamp()
    {
        var gen =
            from via in Gen.Elements(Vias)
            from source in Gen.Elements(Sources)
            from force in Gen.Elements(true, false)
            from body in Gen.Elements("", "v=0\r\n")
            from response in Gen.Elements(true, false)
            select (via, source, force, body, response);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var text = (c.response ? "SIP/2.0 200 OK\r\n" : "INVITE sip:1000@192.0.2.1 SIP/2.0\r\n") +
                $"Via: {c.via}\r\nVia: SIP/2.0/UDP 198.51.100.1;branch=z9hG4bK-second\r\nFrom: <sip:a@192.0.2.9>;tag=1\r\n" +
                "To: <sip:1000@192.0.2.1>\r\nCall-ID: stamp@192.0.2.9\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n" +
                $"Content-Length: {c.body.Length}\r\n\r\n{c.body}";
            Assert.Equal(1, Compare(Encoding.ASCII.GetBytes(text), c.source, c.force));
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Compares both ways (the input in a larger buffer overwritten afterwards, and owned); 1 when the message parsed.</summary>
    private static int Compare(byte[] bytes, IPEndPoint source, bool forceRport)
    {
        var expectedOk = SipMessageParser.TryParse(bytes.ToArray(), out var expected, out var expectedError);
        if (expected is SipRequest request)
        {
            expected = SipViaStamp.Apply(request, source, forceRport);
        }

        var buffer = new byte[bytes.Length + 100];
        bytes.CopyTo(buffer, 3);
        var ok = SipMessageParser.TryParseReceived(buffer.AsMemory(3, bytes.Length), source, forceRport, ownsInput: false, out var actual, out var error);
        Array.Fill(buffer, (byte)'#');
        var ownedOk = SipMessageParser.TryParseReceived(bytes.ToArray(), source, forceRport, ownsInput: true, out var owned, out _);

        Assert.Equal(expectedOk, ok);
        Assert.Equal(expectedOk, ownedOk);
        if (!expectedOk)
        {
            Assert.Equal(expectedError.Kind, error.Kind);
            Assert.Equal(expectedError.Partial?.TopVia.ToString(), error.Partial?.TopVia.ToString());
            return 0;
        }

        BuiltMessageAssert.Same(expected!, actual!);
        BuiltMessageAssert.Same(expected!, owned!);
        BuiltMessageAssert.SameAsParsed(actual!);
        return 1;
    }
}
