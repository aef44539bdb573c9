using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Benchmarks.Sip;

/// <summary>
/// The stateless OPTIONS path without sockets: parse, received/rport stamp, transaction layer, 200 with Allow and
/// Supported built and handed to a transport that drops it. The flow is TCP so each transaction ends at once.
/// </summary>
[MemoryDiagnoser]
public class SipOptionsResponderBenchmarks
{
    private const string Options =
        "OPTIONS sip:127.0.0.1:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/TCP 10.0.0.7:5062;branch=z9hG4bK-bench-{0};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:sipp@10.0.0.7:5062>;tag=1\r\n" +
        "To: <sip:127.0.0.1:5060>\r\n" +
        "Call-ID: {0}@10.0.0.7\r\n" +
        "CSeq: 1 OPTIONS\r\n" +
        "Content-Length: 0\r\n\r\n";

    private readonly SipFlow _flow = new(SipTransportType.Tcp, new IPEndPoint(IPAddress.Loopback, 5060), new IPEndPoint(IPAddress.Loopback, 5062), 1);
    private byte[][] _requests = [];
    private SipTransactionLayer _layer = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _requests = Enumerable.Range(0, 4096).Select(i => Encoding.ASCII.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, Options, i))).ToArray();
        _layer = new SipTransactionLayer(new NullTransport(), new DecliningHandler(), TimeProvider.System, new SipTransactionOptions(), NullLogger<SipTransactionLayer>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup() => _layer.Dispose();

    [Benchmark]
    public void AnswerOptions()
    {
        var bytes = _requests[_next++ & 4095];
        if (SipMessageParser.TryParse(bytes, out var message, out var error))
        {
            _layer.OnMessage(SipViaStamp.Apply((SipRequest)message, _flow.Remote), _flow);
        }
        else
        {
            _layer.OnInvalidMessage(error, _flow);
        }
    }

    private sealed class NullTransport : ISipTransport
    {
        public string GetViaSentBy(SipTarget target) => "127.0.0.1:5060";

        public ValueTask SendRequestAsync(SipRequest request, SipTarget target, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask SendResponseAsync(SipResponse response, SipFlow requestFlow, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask SendRawAsync(ReadOnlyMemory<byte> bytes, SipTarget target, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    private sealed class DecliningHandler : ISipRequestHandler
    {
        public bool OnRequest(SipServerTransaction transaction) => false;

        public void OnAck(SipRequest ack, SipFlow flow)
        {
        }

        public void OnCancel(ServerInviteTransaction invite, SipRequest cancel)
        {
        }

        public void OnStrayResponse(SipResponse response, SipFlow flow)
        {
        }

        public void OnAckTimeout(ServerInviteTransaction invite)
        {
        }
    }
}
