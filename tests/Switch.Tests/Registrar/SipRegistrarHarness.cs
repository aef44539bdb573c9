using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Registrar;
using Switch.Sip.Auth;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Tests.Registrar;

/// <summary>
/// The registrar behind the real transaction layer, with a transport that records what is sent: the SIP-level
/// component tests feed parsed requests in and read the responses out, all on the manual clock.
/// </summary>
internal sealed class SipRegistrarHarness : ISipRequestHandler, ISipTransport, IAsyncDisposable
{
    public static readonly SipFlow Udp = new(SipTransportType.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060),
        new IPEndPoint(IPAddress.Parse("198.51.100.20"), 35646));

    private readonly Lock _lock = new();
    private readonly List<(SipResponse Response, SipFlow Flow)> _sent = [];
    private readonly List<Task> _handling = [];

    public SipRegistrarHarness(RegistrarOptions? options = null, DigestOptions? digest = null)
    {
        Processor = new ProcessorFixture(options, digest);
        Service = new RegistrarService(Processor.Processor, new SipTransactionOptions { ServerHeader = "Switch-test" },
            NullLogger<RegistrarService>.Instance);
        Layer = new SipTransactionLayer(this, this, Processor.Inner.Time, new SipTransactionOptions(),
            NullLogger<SipTransactionLayer>.Instance);
    }

    public ProcessorFixture Processor { get; }
    public RegistrarService Service { get; }
    public SipTransactionLayer Layer { get; }
    public List<SipServerTransaction> Other { get; } = [];

    public IReadOnlyList<(SipResponse Response, SipFlow Flow)> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Delivers a request as the transport would and waits until the registrar answered.</summary>
    public async Task<SipResponse?> SendAsync(string text, SipFlow? flow = null)
    {
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error), error.ToString());
        var before = Sent.Count;
        Layer.OnMessage(message, flow ?? Udp);
        Task[] pending;
        lock (_lock)
        {
            pending = [.. _handling];
        }
        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(10));
        var sent = Sent;
        return sent.Count > before ? sent[^1].Response : null;
    }

    public static string Register(string user = "1008", string? authorization = null, string expires = "3600",
        string contact = "<sip:{0}@10.240.80.69:59531;rinstance=b22023be9ce02608>", int cseq = 1, string branch = "z9hG4bK-1",
        string callId = "84253M2Q3MDQyZDY0Y2I2NTg1MGE3ZTExODQ0ODIyNDNkYTE", string domain = ProcessorFixture.Domain)
    {
        var sb = new StringBuilder()
            .Append($"REGISTER sip:{domain}:5060 SIP/2.0\r\n")
            .Append($"Via: SIP/2.0/UDP 10.240.80.69:59531;branch={branch}-{cseq};rport=35646;received=198.51.100.20\r\n")
            .Append("Max-Forwards: 70\r\n");
        if (contact.Length > 0)
        {
            sb.Append("Contact: ").Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, contact, user)).Append("\r\n");
        }
        sb.Append($"To: \"{user}\"<sip:{user}@{domain}:5060>\r\n")
            .Append($"From: \"{user}\"<sip:{user}@{domain}:5060>;tag=9a71ed3c\r\n")
            .Append($"Call-ID: {callId}\r\n")
            .Append($"CSeq: {cseq} REGISTER\r\n");
        if (expires.Length > 0)
        {
            sb.Append($"Expires: {expires}\r\n");
        }
        sb.Append("Allow: SUBSCRIBE, NOTIFY, INVITE, ACK, CANCEL, BYE, REFER, INFO, OPTIONS, MESSAGE\r\n")
            .Append("User-Agent: X-Lite release 4.9.8 stamp 84253\r\n");
        if (authorization is not null)
        {
            sb.Append("Authorization: ").Append(authorization).Append("\r\n");
        }
        return sb.Append("Content-Length: 0\r\n\r\n").ToString();
    }

    /// <summary>The Authorization value a phone computes for a challenge header value.</summary>
    public static string Authorize(string challenge, string user, string password, string method = "REGISTER",
        string uri = "sip:192.0.2.10:5060", int nc = 1, string header = "Authorization")
    {
        _ = header;
        Assert.True(DigestCredentials.TryParse(challenge + ", username=\"x\", uri=\"x\", response=\"x\", cnonce=\"x\", nc=00000001",
            out var c, out _));
        var ncText = nc.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var response = DigestHash.ComputeResponse(c.Algorithm, user, c.Realm, password, method, uri, c.Nonce, "auth", ncText,
            "7761e8692660d5ee8467fc4a3974afe3");
        return $"Digest username=\"{user}\",realm=\"{c.Realm}\",nonce=\"{c.Nonce}\",uri=\"{uri}\",response=\"{response}\"," +
            $"cnonce=\"7761e8692660d5ee8467fc4a3974afe3\",nc={ncText},qop=auth,algorithm={DigestChallenge.AlgorithmToken(c.Algorithm)}";
    }

    public bool OnRequest(SipServerTransaction transaction)
    {
        if (transaction.Request.Method != SipMethod.Register)
        {
            Other.Add(transaction);
            return true;
        }
        lock (_lock)
        {
            _handling.Add(Service.HandleAsync(transaction));
        }
        return true;
    }

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

    public string GetViaSentBy(SipTarget target) => "192.0.2.10:5060";

    public ValueTask SendRequestAsync(SipRequest request, SipTarget target, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public ValueTask SendResponseAsync(SipResponse response, SipFlow requestFlow, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _sent.Add((response, requestFlow));
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask SendRawAsync(ReadOnlyMemory<byte> bytes, SipTarget target, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Layer.Dispose();
        await Processor.DisposeAsync();
    }
}
