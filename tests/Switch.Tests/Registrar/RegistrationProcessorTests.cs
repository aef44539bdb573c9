using System.Net;
using Switch.Registrar;
using Switch.Sip.Auth;

namespace Switch.Tests.Registrar;

public sealed class RegistrationProcessorTests
{
    private static async Task<RegisterResult> RegisterAsync(ProcessorFixture f, Phone phone, long? expires = 3600, string? contact = null)
    {
        var challenge = await f.SendAsync(phone.Register(expires, contact, withAuth: false));
        phone.Learn(challenge);
        return await f.SendAsync(phone.Register(expires, contact));
    }

    [Fact]
    public async Task First_register_is_challenged_like_the_seed_then_200_lists_the_contact()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1008", "1234");
        f.Directory.Reload(DirectorySnapshot.CreateDefault(ProcessorFixture.Domain));

        var challenge = await f.SendAsync(phone.Register(withAuth: false));

        Assert.Equal(401, challenge.StatusCode);
        Assert.Equal("Unauthorized", challenge.ReasonPhrase);
        Assert.Matches("^Digest realm=\"192\\.0\\.2\\.10\", nonce=\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\", algorithm=MD5, qop=\"auth\"$",
            Assert.Single(challenge.Challenges));

        phone.Learn(challenge);
        var ok = await f.SendAsync(phone.Register());

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("<sip:1008@192.0.2.55:5060;rinstance=b22023be9ce02608>;expires=3600", Assert.Single(ok.Contacts));
        Assert.Equal("Tue, 04 Mar 2025 10:20:30 GMT", ok.Date);
        var binding = Assert.Single(f.Processor.GetBindings("1008", ProcessorFixture.Domain));
        Assert.Equal("sip:1008@192.0.2.55:5060;rinstance=b22023be9ce02608", binding.ContactUri);
        Assert.Equal(phone.CallId, binding.CallId);
        Assert.Equal(2u, binding.CSeq);
        Assert.Equal("X-Lite release 4.9.8 stamp 84253", binding.UserAgent);
        Assert.Equal("Registered(UDP)", binding.Status);
        var e = Assert.Single(f.Inner.Custom(RegistrationEvents.Register));
        Assert.Equal("3600", e.GetHeader("expires"));
        Assert.Null(e.GetHeader("update-reg"));
    }

    [Fact]
    public async Task Both_algorithms_are_challenged_when_sha256_is_offered()
    {
        await using var f = new ProcessorFixture(digest: new DigestOptions { Algorithms = ["MD5", "SHA-256"] });

        var challenge = await f.SendAsync(new Phone("1000", "1234").Register(withAuth: false));

        Assert.Equal(2, challenge.Challenges.Count);
        Assert.EndsWith("algorithm=MD5, qop=\"auth\"", challenge.Challenges[0], StringComparison.Ordinal);
        Assert.EndsWith("algorithm=SHA-256, qop=\"auth\"", challenge.Challenges[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_gets_403_and_registers_nothing()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "wrong");

        var result = await RegisterAsync(f, phone);

        Assert.Equal(403, result.StatusCode);
        Assert.Empty(f.Processor.GetBindings("1000", ProcessorFixture.Domain));
        Assert.Empty(f.Inner.Events);
    }

    [Fact]
    public async Task Unknown_user_is_challenged_and_refused_exactly_like_a_wrong_password()
    {
        await using var f = new ProcessorFixture();
        var unknown = new Phone("4711", "1234");
        var wrong = new Phone("1000", "nope");

        var c1 = await f.SendAsync(unknown.Register(withAuth: false));
        var c2 = await f.SendAsync(wrong.Register(withAuth: false));
        Assert.Equal((c1.StatusCode, c1.ReasonPhrase, c1.Challenges.Count), (c2.StatusCode, c2.ReasonPhrase, c2.Challenges.Count));
        Assert.Equal(Shape(c1.Challenges[0]), Shape(c2.Challenges[0]));

        unknown.Learn(c1);
        wrong.Learn(c2);
        var r1 = await f.SendAsync(unknown.Register());
        var r2 = await f.SendAsync(wrong.Register());
        Assert.Equal(r1 with { }, r2 with { });
        Assert.Equal(403, r1.StatusCode);

        static string Shape(string challenge) => System.Text.RegularExpressions.Regex.Replace(challenge, "nonce=\"[^\"]+\"", "nonce=\"\"");
    }

    [Fact]
    public async Task Authenticating_as_another_user_is_forbidden()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "1234");
        phone.Learn(await f.SendAsync(phone.Register(withAuth: false)));

        var result = await f.SendAsync(phone.Register(toUser: "1001"));

        Assert.Equal(403, result.StatusCode);
        Assert.Empty(f.Processor.GetBindings("1001", ProcessorFixture.Domain));
    }

    [Fact]
    public async Task A_stale_nonce_gets_401_stale_true_and_a_fresh_nonce_works()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "1234");
        phone.Learn(await f.SendAsync(phone.Register(withAuth: false)));
        f.Inner.Time.Advance(TimeSpan.FromSeconds(61));

        var stale = await f.SendAsync(phone.Register());

        Assert.Equal(401, stale.StatusCode);
        Assert.Contains(", stale=true, algorithm=MD5", Assert.Single(stale.Challenges), StringComparison.Ordinal);
        phone.Learn(stale);
        Assert.Equal(200, (await f.SendAsync(phone.Register())).StatusCode);
    }

    [Fact]
    public async Task A_replayed_nonce_count_gets_a_fresh_401()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "1234");
        Assert.Equal(200, (await RegisterAsync(f, phone)).StatusCode);

        phone.RepeatNonceCount();
        var replay = await f.SendAsync(phone.Register());

        Assert.Equal(401, replay.StatusCode);
        Assert.DoesNotContain("stale=true", Assert.Single(replay.Challenges), StringComparison.Ordinal);
        Assert.Equal(200, (await f.SendAsync(phone.Register())).StatusCode);
    }

    [Fact]
    public async Task Refreshing_with_the_same_nonce_works_for_the_registration_period()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "1234");
        Assert.Equal(200, (await RegisterAsync(f, phone, expires: 600)).StatusCode);

        f.Inner.Time.Advance(TimeSpan.FromSeconds(300));
        var refresh = await f.SendAsync(phone.Register(600));

        Assert.Equal(200, refresh.StatusCode);
        var events = f.Inner.Custom(RegistrationEvents.Register).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("true", events[1].GetHeader("update-reg"));
        Assert.Single(f.Processor.GetBindings("1000", ProcessorFixture.Domain));
    }

    [Fact]
    public async Task Too_brief_gets_423_with_min_expires()
    {
        await using var f = new ProcessorFixture(new RegistrarOptions { MinExpires = 60 });
        var phone = new Phone("1000", "1234");

        var result = await RegisterAsync(f, phone, expires: 30);

        Assert.Equal(423, result.StatusCode);
        Assert.Equal("Interval Too Brief", result.ReasonPhrase);
        Assert.Equal(60, result.MinExpires);
        Assert.Empty(f.Processor.GetBindings("1000", ProcessorFixture.Domain));
    }

    [Fact]
    public async Task Contact_expires_parameter_wins_over_the_header_and_max_is_applied()
    {
        await using var f = new ProcessorFixture(new RegistrarOptions { MaxExpires = 1800, ExpiresLateMargin = 0 });
        var phone = new Phone("1000", "1234");

        var result = await RegisterAsync(f, phone, expires: 60, contact: "<sip:1000@192.0.2.55>;expires=7200, <sip:1000@192.0.2.56>");

        Assert.Equal(["<sip:1000@192.0.2.55>;expires=1800", "<sip:1000@192.0.2.56>;expires=60"], result.Contacts);
    }

    [Fact]
    public async Task No_expiry_anywhere_gets_the_default()
    {
        await using var f = new ProcessorFixture(new RegistrarOptions { DefaultExpires = 3600, ExpiresLateMargin = 0 });

        var result = await RegisterAsync(f, new Phone("1000", "1234"), expires: null);

        Assert.EndsWith(";expires=3600", Assert.Single(result.Contacts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_bindings_per_aor_are_all_listed_and_expire_with_events()
    {
        await using var f = new ProcessorFixture();
        var desk = new Phone("1000", "1234", contact: "<sip:1000@192.0.2.55:5060>");
        var soft = new Phone("1000", "1234", contact: "<sip:1000-0x55c6a1@192.0.2.77:5062>", sourceIp: "192.0.2.77", sourcePort: 5062);

        Assert.Equal(200, (await RegisterAsync(f, desk, expires: 120)).StatusCode);
        var second = await RegisterAsync(f, soft, expires: 600);

        Assert.Equal(200, second.StatusCode);
        Assert.Equal(2, second.Contacts.Count);
        Assert.Contains("<sip:1000@192.0.2.55:5060>;expires=120", second.Contacts);
        Assert.Contains("<sip:1000-0x55c6a1@192.0.2.77:5062>;expires=600", second.Contacts);
        Assert.Equal(2, f.Processor.GetBindings("1000", ProcessorFixture.Domain).Count);
        Assert.Equal(2, f.Processor.GetBindings("1000", "PBX.example.com").Count);

        f.Inner.Time.Advance(TimeSpan.FromSeconds(120));
        var expired = Assert.Single(f.Inner.Custom(RegistrationEvents.Expire));
        Assert.Equal(desk.CallId, expired.GetHeader("call-id"));
        Assert.Equal("sip:1000-0x55c6a1@192.0.2.77:5062", Assert.Single(f.Processor.GetBindings("1000", ProcessorFixture.Domain)).ContactUri);
    }

    [Fact]
    public async Task Expires_zero_removes_one_binding_with_an_unregister_event()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "1234");
        await RegisterAsync(f, phone, contact: "<sip:1000@192.0.2.55>, <sip:1000@192.0.2.56>");

        var result = await f.SendAsync(phone.Register(0, "<sip:1000@192.0.2.55>"));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("<sip:1000@192.0.2.56>;expires=3600", Assert.Single(result.Contacts));
        var e = Assert.Single(f.Inner.Custom(RegistrationEvents.Unregister));
        Assert.Equal("\"1000\" <sip:1000@192.0.2.55>", e.GetHeader("contact"));
    }

    [Fact]
    public async Task Contact_star_with_expires_zero_removes_every_binding()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "1234");
        await RegisterAsync(f, phone, contact: "<sip:1000@192.0.2.55>, <sip:1000@192.0.2.56>");

        var result = await f.SendAsync(phone.Register(0, wildcard: true));

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(result.Contacts);
        Assert.Empty(f.Processor.GetBindings("1000", ProcessorFixture.Domain));
        Assert.Equal(2, f.Inner.Custom(RegistrationEvents.Unregister).Count());
    }

    [Fact]
    public async Task Contact_star_without_expires_zero_is_a_bad_request()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "1234");

        Assert.Equal(400, (await f.SendAsync(phone.Register(3600, wildcard: true, withAuth: false))).StatusCode);
    }

    [Fact]
    public async Task A_register_without_contact_is_a_query()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "1234");
        await RegisterAsync(f, phone);
        f.Inner.Events.Clear();

        var result = await f.SendAsync(phone.Register(null, noContact: true));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("<sip:1000@192.0.2.55:5060;rinstance=b22023be9ce02608>;expires=3600", Assert.Single(result.Contacts));
        Assert.Empty(f.Inner.Events);
    }

    [Fact]
    public async Task The_same_instance_id_replaces_a_binding_whose_uri_changed()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "1234");
        const string instance = ";+sip.instance=\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\";reg-id=1";
        await RegisterAsync(f, phone, contact: "<sip:1000@192.0.2.55:5060;transport=tcp>" + instance);

        var result = await f.SendAsync(phone.Register(3600, "<sip:1000@192.0.2.55:6000;transport=tcp>" + instance));

        Assert.Equal("<sip:1000@192.0.2.55:6000;transport=tcp>" + instance + ";expires=3600", Assert.Single(result.Contacts));
    }

    [Fact]
    public async Task Non_sip_to_uri_is_400_and_foreign_domain_is_403()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "1234");

        var tel = await f.SendAsync(phone.Register(withAuth: false) with { ToScheme = "tel" });
        var noUser = await f.SendAsync(phone.Register(withAuth: false) with { ToUser = null });
        var foreign = await f.SendAsync(phone.Register(withAuth: false, toHost: "evil.example.net"));

        Assert.Equal(400, tel.StatusCode);
        Assert.Equal(400, noUser.StatusCode);
        Assert.Equal(403, foreign.StatusCode);
        Assert.Empty(foreign.Challenges);
    }

    [Fact]
    public async Task Nat_keeps_the_received_address_and_transport()
    {
        await using var f = new ProcessorFixture();
        var phone = new Phone("1000", "1234", contact: "<sip:1000@10.0.0.5:5060;transport=tcp>", sourceIp: "203.0.113.9", sourcePort: 40123)
        {
            Transport = BindingTransport.Tcp,
        };

        Assert.Equal(200, (await RegisterAsync(f, phone)).StatusCode);

        var b = Assert.Single(f.Processor.GetBindings("1000", ProcessorFixture.Domain));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.9"), 40123), b.Received);
        Assert.Equal(BindingTransport.Tcp, b.Transport);
        Assert.Equal(7, b.ConnectionId);
        Assert.True(b.BehindNat);
        Assert.Equal("Registered(TCP-NAT)", f.Inner.Custom(RegistrationEvents.Register).Single().GetHeader("status"));
    }

    [Fact]
    public async Task Too_many_bindings_for_one_aor_are_refused()
    {
        await using var f = new ProcessorFixture(new RegistrarOptions { MaxBindingsPerAor = 2, ExpiresLateMargin = 0 });
        var phone = new Phone("1000", "1234");

        var result = await RegisterAsync(f, phone, contact: "<sip:1000@192.0.2.1>, <sip:1000@192.0.2.2>, <sip:1000@192.0.2.3>");

        Assert.Equal(403, result.StatusCode);
        Assert.Empty(f.Processor.GetBindings("1000", ProcessorFixture.Domain));
    }

    [Fact]
    public async Task Repeated_failures_ban_the_source_403_once_then_silence_while_others_register()
    {
        await using var f = new ProcessorFixture(new RegistrarOptions
        {
            BruteForce = new BruteForceOptions { Threshold = 3, Window = TimeSpan.FromMinutes(1), BanPeriod = TimeSpan.FromMinutes(5) },
        });
        var attacker = new Phone("1000", "guess", sourceIp: "203.0.113.66");
        attacker.Learn(await f.SendAsync(attacker.Register(withAuth: false)));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(403, (await f.SendAsync(attacker.Register())).StatusCode);
        }

        Assert.Equal(403, (await f.SendAsync(attacker.Register())).StatusCode);
        Assert.True((await f.SendAsync(attacker.Register())).Drop);
        Assert.True((await f.SendAsync(attacker.Register(withAuth: false))).Drop);

        Assert.Equal(200, (await RegisterAsync(f, new Phone("1001", "1234"))).StatusCode);

        f.Inner.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(401, (await f.SendAsync(attacker.Register(withAuth: false))).StatusCode);
    }
}
