using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Tests.Sip.Transactions;

public abstract class TransactionTestBase : IDisposable
{
    internal static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    internal TransactionTestBase()
    {
        Time = new ManualTimeProvider();
        Transport = new FakeSipTransport(Time);
        Handler = new RecordingRequestHandler();
        Layer = new SipTransactionLayer(Transport, Handler, Time, new SipTransactionOptions(), NullLogger<SipTransactionLayer>.Instance);
    }

    internal ManualTimeProvider Time { get; }

    internal FakeSipTransport Transport { get; }

    internal RecordingRequestHandler Handler { get; }

    internal SipTransactionLayer Layer { get; }

    internal static SipTarget UdpTarget { get; } = new(SipTransportType.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.9"), 5062));

    internal static SipTarget TcpTarget { get; } = new(SipTransportType.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.9"), 5062));

    public void Dispose()
    {
        Layer.Dispose();
        GC.SuppressFinalize(this);
    }

    internal static SipMessage Parse(string text)
    {
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var m, out var e), e.ToString());
        return m;
    }

    internal static SipRequest Incoming(string method, string branch = "z9hG4bKabc", string callId = "call-1", uint cseq = 1, string? toTag = null, string cseqMethod = "", string transport = "UDP") =>
        (SipRequest)Parse(
            $"{method} sip:1018@192.0.2.1 SIP/2.0\r\n" +
            $"Via: SIP/2.0/{transport} 192.0.2.9:5062;branch={branch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:1008@192.0.2.9>;tag=from1\r\n" +
            "To: <sip:1018@192.0.2.1>" + (toTag is null ? string.Empty : ";tag=" + toTag) + "\r\n" +
            $"Call-ID: {callId}\r\n" +
            $"CSeq: {cseq} {(cseqMethod.Length > 0 ? cseqMethod : method)}\r\n" +
            "Content-Length: 0\r\n\r\n");

    /// <summary>An outgoing request as the TU builds it (no Via).</summary>
    internal static SipRequest Outgoing(string method, uint cseq = 1) =>
        SipMessageBuilder.Request(method, SipUri.Parse("sip:1018@192.0.2.9:5062"))
            .AddHeader("Max-Forwards", "70")
            .AddHeader("From", "<sip:switch@192.0.2.1>;tag=sw1")
            .AddHeader("To", "<sip:1018@192.0.2.9>")
            .AddHeader("Call-ID", "out-1")
            .AddHeader("CSeq", cseq + " " + method)
            .BuildRequest();

    /// <summary>A response to a request we sent, as the peer would send it.</summary>
    internal static SipResponse Answer(SipRequest sent, int status, string? toTag = "peer1") =>
        SipResponse.CreateFor(sent, status, null, status == 100 ? null : toTag);

    internal static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    internal IReadOnlyList<TimeSpan> SendTimes(Func<SipMessage, bool> which) =>
        Transport.Sent.Where(s => which(s.Message)).Select(s => s.At).ToList();
}
