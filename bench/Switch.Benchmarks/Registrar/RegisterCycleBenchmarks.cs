using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Events;
using Switch.Registrar;
using Switch.Sip.Auth;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Benchmarks.Registrar;

/// <summary>
/// One registration as sipp's register-auth scenario makes it, through everything but the sockets: REGISTER
/// parsed as the UDP transport parses a datagram (one copy out of a receive buffer, Via stamped on the way), a UDP
/// server transaction, the registrar's 401; the phone's answer (the challenge's nonce, one MD5 for its response)
/// parsed and verified, the binding refreshed (in-memory store), the 200 built. Both transactions linger for
/// Timer J as on the wire. The phone writes each request into a buffer it reuses, as a socket's receive buffer is:
/// <see cref="PhoneOnly"/> is its share (stamping the request bytes and hashing), to subtract.
/// </summary>
[MemoryDiagnoser]
public class RegisterCycleBenchmarks
{
    private const string Domain = "192.0.2.10";
    private const string Marker = "XXXXXXXX";
    private const string ResponseMarker = "RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR";
    private const string NonceMarker = "NNNNNNNN-NNNN-NNNN-NNNN-NNNNNNNNNNNN";
    private const string Cnonce = "7761e8692660d5ee8467fc4a3974afe3";

    private static readonly string Head =
        $"REGISTER sip:{Domain} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 192.0.2.55:5060;branch=z9hG4bK-{Marker};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:1000@192.0.2.55:5060;rinstance=b22023be9ce02608>\r\n" +
        $"To: \"1000\"<sip:1000@{Domain}>\r\n" +
        $"From: \"1000\"<sip:1000@{Domain}>;tag=9a71ed3c\r\n" +
        $"Call-ID: {Marker}-reg@192.0.2.55\r\n" +
        "CSeq: {0} REGISTER\r\n" +
        "Expires: 3600\r\n" +
        "User-Agent: sipp\r\n";

    private readonly SipFlow _flow = new(SipTransportType.Udp, new IPEndPoint(IPAddress.Parse(Domain), 5060),
        new IPEndPoint(IPAddress.Parse("192.0.2.55"), 5060));
    private readonly Handler _handler = new();
    private byte[] _first = [];
    private byte[] _second = [];
    private int _firstMarker;
    private int _secondMarker;
    private int _secondCallId;
    private int _firstCallId;
    private int _nonceAt;
    private int _responseAt;
    private byte[] _ha1Prefix = [];
    private byte[] _ha2Suffix = [];
    private SipTransactionLayer _layer = null!;
    private uint _counter;

    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
        var directory = new UserDirectory(DirectorySnapshot.CreateDefault(Domain));
        var bus = new EventBus(new SwitchIdentity("4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b", "bench", "bench", Domain, "::1"), time);
        var events = new RegistrationEvents(bus);
        var locations = new LocationService(new InMemoryBindingStore(), null, time, events, NullLogger<LocationService>.Instance);
        var options = new RegistrarOptions();
        var authenticator = new RequestAuthenticator(directory, new DigestAuthenticator(new DigestOptions(), time),
            new BruteForceGuard(options.BruteForce, time, NullLogger<BruteForceGuard>.Instance), NullLogger<RequestAuthenticator>.Instance);
        var processor = new RegistrationProcessor(authenticator, locations, events, options, NullLogger<RegistrationProcessor>.Instance);
        _handler.Service = new RegistrarService(processor, new SipTransactionOptions(), NullLogger<RegistrarService>.Instance);
        _layer = new SipTransactionLayer(_handler, _handler, time, new SipTransactionOptions(), NullLogger<SipTransactionLayer>.Instance);

        _first = Encoding.ASCII.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, Head, 1) + "Content-Length: 0\r\n\r\n");
        _second = Encoding.ASCII.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, Head, 2) +
            $"Authorization: Digest username=\"1000\",realm=\"{Domain}\",nonce=\"{NonceMarker}\",uri=\"sip:{Domain}\"," +
            $"response=\"{ResponseMarker}\",cnonce=\"{Cnonce}\",nc=00000001,qop=auth,algorithm=MD5\r\n" +
            "Content-Length: 0\r\n\r\n");
        _firstMarker = IndexOf(_first, Marker, 0);
        _firstCallId = IndexOf(_first, Marker, _firstMarker + 1);
        _secondMarker = IndexOf(_second, Marker, 0);
        _secondCallId = IndexOf(_second, Marker, _secondMarker + 1);
        _nonceAt = IndexOf(_second, NonceMarker, 0);
        _responseAt = IndexOf(_second, ResponseMarker, 0);
        _ha1Prefix = Encoding.ASCII.GetBytes(Md5Hex($"1000:{Domain}:1234") + ":");
        _ha2Suffix = Encoding.ASCII.GetBytes($":00000001:{Cnonce}:auth:" + Md5Hex($"REGISTER:sip:{Domain}"));
        _handler.Nonce = Encoding.ASCII.GetBytes(Guid.Empty.ToString());
    }

    [GlobalCleanup]
    public void Cleanup() => _layer.Dispose();

    /// <summary>REGISTER → 401 → REGISTER with Authorization → 200.</summary>
    [Benchmark]
    public int RegisterWithChallenge()
    {
        var first = Stamp(_first, _firstMarker, _firstCallId);
        Deliver(first);
        if (_handler.LastStatus != 401)
        {
            throw new InvalidOperationException($"expected 401, got {_handler.LastStatus}");
        }
        var second = Answer(Stamp(_second, _secondMarker, _secondCallId), _handler.Nonce);
        Deliver(second);
        return _handler.LastStatus == 200 ? 200 : throw new InvalidOperationException($"expected 200, got {_handler.LastStatus}");
    }

    /// <summary>The phone's share of <see cref="RegisterWithChallenge"/>: stamping the two requests and the response hash.</summary>
    [Benchmark(Baseline = true)]
    public int PhoneOnly()
    {
        var first = Stamp(_first, _firstMarker, _firstCallId);
        var second = Answer(Stamp(_second, _secondMarker, _secondCallId), _handler.Nonce);
        return first.Length + second[_responseAt];
    }

    private void Deliver(byte[] bytes)
    {
        // As SipTransport.Deliver from a UDP receive buffer: the message copies what it keeps, stamping its top Via.
        if (!SipMessageParser.TryParseReceived(bytes, _flow.Remote, forceRport: false, ownsInput: false, out var message, out var error))
        {
            throw new InvalidOperationException(error.ToString());
        }
        _layer.OnMessage(message, _flow);
    }

    /// <summary>Writes a fresh branch and Call-ID into <paramref name="buffer"/> (the phone's send buffer, reused).</summary>
    private byte[] Stamp(byte[] buffer, int branchAt, int callIdAt)
    {
        var n = ++_counter;
        for (var i = 7; i >= 0; i--)
        {
            var digit = (byte)"0123456789abcdef"[(int)(n & 0xF)];
            buffer[branchAt + i] = digit;
            buffer[callIdAt + i] = digit;
            n >>= 4;
        }
        return buffer;
    }

    private byte[] Answer(byte[] request, byte[] nonce)
    {
        nonce.AsSpan().CopyTo(request.AsSpan(_nonceAt));
        Span<byte> input = stackalloc byte[256];
        var used = 0;
        _ha1Prefix.CopyTo(input);
        used += _ha1Prefix.Length;
        nonce.CopyTo(input[used..]);
        used += nonce.Length;
        _ha2Suffix.CopyTo(input[used..]);
        used += _ha2Suffix.Length;
        Span<byte> hash = stackalloc byte[16];
        Md5.HashData(input[..used], hash);
        for (var i = 0; i < 16; i++)
        {
            request[_responseAt + (2 * i)] = (byte)"0123456789abcdef"[hash[i] >> 4];
            request[_responseAt + (2 * i) + 1] = (byte)"0123456789abcdef"[hash[i] & 0xF];
        }
        return request;
    }

    private static string Md5Hex(string s)
    {
        Span<byte> hash = stackalloc byte[16];
        Md5.HashData(Encoding.ASCII.GetBytes(s), hash);
        return Convert.ToHexStringLower(hash);
    }

    private static int IndexOf(byte[] haystack, string needle, int from)
    {
        var at = haystack.AsSpan(from).IndexOf(Encoding.ASCII.GetBytes(needle));
        return at < 0 ? throw new InvalidOperationException(needle + " not found") : from + at;
    }

    /// <summary>Transport and request handler in one: hands REGISTERs to the registrar, keeps the last status and nonce.</summary>
    private sealed class Handler : ISipTransport, ISipRequestHandler
    {
        private static readonly byte[] NonceKey = Encoding.ASCII.GetBytes("nonce=\"");

        public RegistrarService Service { get; set; } = null!;

        public int LastStatus { get; private set; }

        public byte[] Nonce { get; set; } = [];

        public bool OnRequest(SipServerTransaction transaction) => Service.TryHandle(transaction);

        public string GetViaSentBy(SipTarget target) => "192.0.2.10:5060";

        public ValueTask SendRequestAsync(SipRequest request, SipTarget target, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask SendResponseAsync(SipResponse response, SipFlow requestFlow, CancellationToken cancellationToken = default)
        {
            LastStatus = response.StatusCode;
            if (response.StatusCode == 401)
            {
                var data = response.Data.Span;
                var at = data.IndexOf(NonceKey) + NonceKey.Length;
                data.Slice(at, Nonce.Length).CopyTo(Nonce);
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask SendRawAsync(ReadOnlyMemory<byte> bytes, SipTarget target, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

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
