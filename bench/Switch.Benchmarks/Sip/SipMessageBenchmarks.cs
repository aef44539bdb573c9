using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Switch.Sip.Message;

namespace Switch.Benchmarks.Sip;

/// <summary>Parse and write of the INVITE and REGISTER from the seed FreeSWITCH capture (000_78eaa5ae81781700.txt).</summary>
[MemoryDiagnoser]
public class SipMessageBenchmarks
{
    private const string Invite =
        "INVITE sip:1018@115.aa.aa.aa:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 10.240.80.69:59535;branch=z9hG4bK-524287-1---eafafc5cc50b9a41;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:1008@59.bb.bb.bb:24576;rinstance=9d87a2b91a59c5b9>\r\n" +
        "To: <sip:1018@115.aa.aa.aa:5060>\r\n" +
        "From: \"1008\"<sip:1008@115.aa.aa.aa:5060>;tag=54bd8d3a\r\n" +
        "Call-ID: 84253MGY3OGQwZWI1OGQ3YTRlZTYwZjQ3ZDZjZDhjNDNiMTU\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Allow: SUBSCRIBE, NOTIFY, INVITE, ACK, CANCEL, BYE, REFER, INFO, OPTIONS, MESSAGE\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Supported: replaces\r\n" +
        "User-Agent: X-Lite release 4.9.8 stamp 84253\r\n" +
        "Content-Length: 334\r\n" +
        "\r\n" +
        "v=0\r\n" +
        "o=- 13153395802875591 1 IN IP4 10.240.80.69\r\n" +
        "s=X-Lite release 4.9.8 stamp 84253\r\n" +
        "c=IN IP4 10.240.80.69\r\n" +
        "t=0 0\r\n" +
        "m=audio 64836 RTP/AVP 9 8 120 0 84 101\r\n" +
        "a=rtpmap:120 opus/48000/2\r\n" +
        "a=fmtp:120 useinbandfec=1; usedtx=1; maxaveragebitrate=64000\r\n" +
        "a=rtpmap:84 speex/16000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=sendrecv\r\n";

    private const string Register =
        "REGISTER sip:115.aa.aa.aa:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 10.240.80.69:59531;branch=z9hG4bK-524287-1---671b073f870cfe63;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:1008@10.240.80.69:59531;rinstance=b22023be9ce02608>\r\n" +
        "To: \"1008\"<sip:1008@115.aa.aa.aa:5060>\r\n" +
        "From: \"1008\"<sip:1008@115.aa.aa.aa:5060>;tag=9a71ed3c\r\n" +
        "Call-ID: 84253M2Q3MDQyZDY0Y2I2NTg1MGE3ZTExODQ0ODIyNDNkYTE\r\n" +
        "CSeq: 1 REGISTER\r\n" +
        "Expires: 3600\r\n" +
        "Allow: SUBSCRIBE, NOTIFY, INVITE, ACK, CANCEL, BYE, REFER, INFO, OPTIONS, MESSAGE\r\n" +
        "User-Agent: X-Lite release 4.9.8 stamp 84253\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    private readonly byte[] _invite = Encoding.ASCII.GetBytes(Invite);
    private readonly byte[] _register = Encoding.ASCII.GetBytes(Register);
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private SipMessage _parsedInvite = null!;
    private SipRequest _parsedRegister = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!SipMessageParser.TryParse(_invite, out var invite, out var error)
            || !SipMessageParser.TryParseRequest(_register, out var register, out error))
        {
            throw new InvalidOperationException(error.ToString());
        }

        _parsedInvite = invite;
        _parsedRegister = register;
    }

    [Benchmark]
    public object? ParseInvite()
    {
        _ = SipMessageParser.TryParse(_invite, out var message, out _);
        return message;
    }

    [Benchmark]
    public object? ParseRegister()
    {
        _ = SipMessageParser.TryParse(_register, out var message, out _);
        return message;
    }

    [Benchmark]
    public int WriteInvite()
    {
        _output.ResetWrittenCount();
        _parsedInvite.Write(_output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int WriteRegister()
    {
        _output.ResetWrittenCount();
        _parsedRegister.Write(_output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public object CreateResponse() => SipResponse.CreateFor(_parsedRegister, 401, toTag: "va161eH7mmgNc");
}
