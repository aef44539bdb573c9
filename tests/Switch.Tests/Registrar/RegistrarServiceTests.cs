using System.Net;
using Switch.Registrar;
using Switch.Sip.Auth;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Tests.Registrar;

public sealed class RegistrarServiceTests
{
    private static List<string> HeaderNames(SipResponse response) => response.Headers.Select(h => h.Name).ToList();

    [Fact]
    public async Task The_seed_exchange_401_then_200_with_freeswitchs_headers()
    {
        await using var h = new SipRegistrarHarness();

        var challenge = await h.SendAsync(SipRegistrarHarness.Register());

        Assert.NotNull(challenge);
        Assert.Equal(401, challenge.StatusCode);
        Assert.Equal("Unauthorized", challenge.ReasonPhrase);
        Assert.Equal(["Via", "From", "To", "Call-ID", "CSeq", "User-Agent", "Allow", "Supported", "WWW-Authenticate", "Content-Length"],
            HeaderNames(challenge));
        Assert.NotNull(challenge.ToTag);
        Assert.Equal("Switch-test", challenge.GetHeader("User-Agent"));
        var www = challenge.GetHeader("WWW-Authenticate")!;
        Assert.Matches("^Digest realm=\"192\\.0\\.2\\.10\", nonce=\"[0-9a-f-]{36}\", algorithm=MD5, qop=\"auth\"$", www);

        var ok = await h.SendAsync(SipRegistrarHarness.Register(authorization: SipRegistrarHarness.Authorize(www, "1008", "1234"), cseq: 2));

        Assert.NotNull(ok);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(["Via", "From", "To", "Call-ID", "CSeq", "Contact", "Date", "User-Agent", "Allow", "Supported", "Content-Length"],
            HeaderNames(ok));
        Assert.Equal("<sip:1008@10.240.80.69:59531;rinstance=b22023be9ce02608>;expires=3600", ok.GetHeader("Contact"));
        Assert.Equal("Tue, 04 Mar 2025 10:20:30 GMT", ok.GetHeader("Date"));
        Assert.Equal(2u, ok.CSeq!.Value.Number);

        var binding = Assert.Single(h.Service.GetBindings("1008", "192.0.2.10"));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.20"), 35646), binding.Received);
        Assert.True(binding.BehindNat);
        var e = Assert.Single(h.Processor.Inner.Custom(RegistrationEvents.Register));
        Assert.Equal("Registered(UDP-NAT)", e.GetHeader("status"));
        Assert.Equal("198.51.100.20", e.GetHeader("network-ip"));
        Assert.Equal("35646", e.GetHeader("network-port"));
    }

    [Fact]
    public async Task Wrong_password_403_and_unknown_user_403_look_the_same()
    {
        await using var h = new SipRegistrarHarness();
        var c1 = (await h.SendAsync(SipRegistrarHarness.Register(user: "1008", branch: "a")))!.GetHeader("WWW-Authenticate")!;
        var c2 = (await h.SendAsync(SipRegistrarHarness.Register(user: "7777", branch: "b", callId: "other")))!.GetHeader("WWW-Authenticate")!;

        var wrong = await h.SendAsync(SipRegistrarHarness.Register(user: "1008", branch: "a", cseq: 2,
            authorization: SipRegistrarHarness.Authorize(c1, "1008", "4321")));
        var unknown = await h.SendAsync(SipRegistrarHarness.Register(user: "7777", branch: "b", cseq: 2, callId: "other",
            authorization: SipRegistrarHarness.Authorize(c2, "7777", "1234")));

        Assert.Equal(403, wrong!.StatusCode);
        Assert.Equal(403, unknown!.StatusCode);
        Assert.Equal(HeaderNames(wrong), HeaderNames(unknown));
        Assert.Equal(wrong.ReasonPhrase, unknown.ReasonPhrase);
    }

    [Fact]
    public async Task Interval_too_brief_carries_min_expires()
    {
        await using var h = new SipRegistrarHarness(new RegistrarOptions { MinExpires = 60 });
        var www = (await h.SendAsync(SipRegistrarHarness.Register(expires: "20")))!.GetHeader("WWW-Authenticate")!;

        var brief = await h.SendAsync(SipRegistrarHarness.Register(expires: "20", cseq: 2,
            authorization: SipRegistrarHarness.Authorize(www, "1008", "1234")));

        Assert.Equal(423, brief!.StatusCode);
        Assert.Equal("Interval Too Brief", brief.ReasonPhrase);
        Assert.Equal("60", brief.GetHeader("Min-Expires"));
    }

    [Fact]
    public async Task Contact_star_with_expires_zero_unregisters()
    {
        await using var h = new SipRegistrarHarness();
        var www = (await h.SendAsync(SipRegistrarHarness.Register()))!.GetHeader("WWW-Authenticate")!;
        await h.SendAsync(SipRegistrarHarness.Register(cseq: 2, authorization: SipRegistrarHarness.Authorize(www, "1008", "1234")));

        var removed = await h.SendAsync(SipRegistrarHarness.Register(cseq: 3, contact: "*", expires: "0",
            authorization: SipRegistrarHarness.Authorize(www, "1008", "1234", nc: 2)));

        Assert.Equal(200, removed!.StatusCode);
        Assert.Null(removed.GetHeader("Contact"));
        Assert.Empty(h.Service.GetBindings("1008", "192.0.2.10"));
        Assert.Single(h.Processor.Inner.Custom(RegistrationEvents.Unregister));
    }

    [Fact]
    public async Task Unusable_requests_get_400()
    {
        await using var h = new SipRegistrarHarness();

        var badContact = await h.SendAsync(SipRegistrarHarness.Register(contact: "*, <sip:{0}@10.240.80.69>"));
        var telTo = await h.SendAsync(SipRegistrarHarness.Register(branch: "t").Replace("To: \"1008\"<sip:1008@192.0.2.10:5060>",
            "To: <tel:+15550100>", StringComparison.Ordinal));

        Assert.Equal(400, badContact!.StatusCode);
        Assert.Equal(400, telTo!.StatusCode);
    }

    [Fact]
    public async Task Tcp_registrations_keep_the_connection()
    {
        await using var h = new SipRegistrarHarness();
        var tcp = new SipFlow(SipTransportType.Tcp, SipRegistrarHarness.Udp.Local, new IPEndPoint(IPAddress.Parse("10.240.80.69"), 50001), 42);
        var text = SipRegistrarHarness.Register(contact: "<sip:{0}@10.240.80.69:5060;transport=tcp>").Replace("SIP/2.0/UDP", "SIP/2.0/TCP", StringComparison.Ordinal);
        var www = (await h.SendAsync(text, tcp))!.GetHeader("WWW-Authenticate")!;

        var ok = await h.SendAsync(SipRegistrarHarness.Register(contact: "<sip:{0}@10.240.80.69:5060;transport=tcp>", cseq: 2,
            authorization: SipRegistrarHarness.Authorize(www, "1008", "1234")).Replace("SIP/2.0/UDP", "SIP/2.0/TCP", StringComparison.Ordinal), tcp);

        Assert.Equal(200, ok!.StatusCode);
        var b = Assert.Single(h.Service.GetBindings("1008", "192.0.2.10"));
        Assert.Equal(BindingTransport.Tcp, b.Transport);
        Assert.Equal(42, b.ConnectionId);
        Assert.Equal("Registered(TCP)", b.Status);
    }

    [Fact]
    public async Task Invite_authentication_uses_407_and_proxy_authorization()
    {
        await using var h = new SipRegistrarHarness();
        const string invite =
            "INVITE sip:1018@192.0.2.10 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 10.240.80.69:59535;branch=z9hG4bK-inv1;rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "Contact: <sip:1008@10.240.80.69:59535>\r\n" +
            "To: <sip:1018@192.0.2.10>\r\n" +
            "From: \"1008\"<sip:1008@192.0.2.10>;tag=54bd8d3a\r\n" +
            "Call-ID: inv-call-1\r\n" +
            "CSeq: 1 INVITE\r\n" +
            "{AUTH}Content-Length: 0\r\n\r\n";
        await h.SendAsync(invite.Replace("{AUTH}", "", StringComparison.Ordinal));
        var tx = Assert.Single(h.Other);

        var first = h.Service.Authenticate(tx.Request, tx.Flow, ChallengeKind.ProxyAuthenticate);
        Assert.Equal(AuthenticationStatus.Challenge, first.Status);
        var response = h.Service.CreateResponse(tx, first, ChallengeKind.ProxyAuthenticate)!;
        Assert.Equal(407, response.StatusCode);
        Assert.Equal("Proxy Authentication Required", response.ReasonPhrase);
        var challenge = response.GetHeader("Proxy-Authenticate")!;
        Assert.StartsWith("Digest realm=\"192.0.2.10\"", challenge, StringComparison.Ordinal);
        tx.TrySendResponse(response);

        var proxyAuth = SipRegistrarHarness.Authorize(challenge, "1008", "1234", "INVITE", "sip:1018@192.0.2.10");
        await h.SendAsync(invite.Replace("z9hG4bK-inv1", "z9hG4bK-inv2", StringComparison.Ordinal)
            .Replace("CSeq: 1", "CSeq: 2", StringComparison.Ordinal)
            .Replace("{AUTH}", $"Proxy-Authorization: {proxyAuth}\r\n", StringComparison.Ordinal));
        var second = h.Other[1];

        var outcome = h.Service.Authenticate(second.Request, second.Flow, ChallengeKind.ProxyAuthenticate);
        Assert.Equal(AuthenticationStatus.Authenticated, outcome.Status);
        Assert.Equal("1008", outcome.User!.Id);
        Assert.Null(h.Service.CreateResponse(second, outcome, ChallengeKind.ProxyAuthenticate));

        // The same Proxy-Authorization again is a replay: challenged afresh.
        Assert.Equal(AuthenticationStatus.Challenge, h.Service.Authenticate(second.Request, second.Flow, ChallengeKind.ProxyAuthenticate).Status);
        // The Authorization header is not read for a 407 exchange.
        Assert.Equal(AuthenticationStatus.Challenge, h.Service.Authenticate(second.Request, second.Flow, ChallengeKind.WwwAuthenticate).Status);
    }

    [Fact]
    public async Task A_banned_source_gets_no_answer_and_no_transaction_work_after_the_first_403()
    {
        await using var h = new SipRegistrarHarness(new RegistrarOptions
        {
            BruteForce = new BruteForceOptions { Threshold = 2, Window = TimeSpan.FromMinutes(1), BanPeriod = TimeSpan.FromMinutes(5) },
        });
        var www = (await h.SendAsync(SipRegistrarHarness.Register()))!.GetHeader("WWW-Authenticate")!;
        for (var i = 2; i <= 3; i++)
        {
            var r = await h.SendAsync(SipRegistrarHarness.Register(cseq: i, authorization: SipRegistrarHarness.Authorize(www, "1008", "bad", nc: i)));
            Assert.Equal(403, r!.StatusCode);
        }

        Assert.Equal(403, (await h.SendAsync(SipRegistrarHarness.Register(cseq: 4)))!.StatusCode);
        Assert.Null(await h.SendAsync(SipRegistrarHarness.Register(cseq: 5)));
        Assert.True(h.Processor.Guard.IsSilenced(SipRegistrarHarness.Udp.Remote.Address));
    }
}
