using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Registrar;
using Switch.Sip.Auth;

namespace Switch.Tests.Registrar;

/// <summary>A registration processor over the default directory (1000-1019/1234) on a manual clock.</summary>
internal sealed class ProcessorFixture : IAsyncDisposable
{
    public const string Domain = "192.0.2.10";

    public ProcessorFixture(RegistrarOptions? options = null, DigestOptions? digest = null)
    {
        Options = options ?? new RegistrarOptions { ExpiresLateMargin = 0 };
        Inner = new RegistrarFixture();
        Directory = new UserDirectory(DirectorySnapshot.CreateDefault(Domain, ["pbx.example.com"]));
        Guard = new BruteForceGuard(Options.BruteForce, Inner.Time, NullLogger<BruteForceGuard>.Instance);
        var authenticator = new RequestAuthenticator(Directory, new DigestAuthenticator(digest ?? new DigestOptions(), Inner.Time),
            Guard, NullLogger<RequestAuthenticator>.Instance);
        Processor = new RegistrationProcessor(authenticator, Inner.Locations, Inner.RegistrationEvents, Options,
            NullLogger<RegistrationProcessor>.Instance);
    }

    public RegistrarOptions Options { get; }
    public RegistrarFixture Inner { get; }
    public UserDirectory Directory { get; }
    public BruteForceGuard Guard { get; }
    public RegistrationProcessor Processor { get; }

    public Task<RegisterResult> SendAsync(RegisterRequest request) => Processor.ProcessAsync(request).AsTask();

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}

/// <summary>A scripted phone: builds REGISTERs and answers 401 challenges like a real user agent.</summary>
internal sealed class Phone(string user, string password, string contact = "<sip:{0}@192.0.2.55:5060;rinstance=b22023be9ce02608>",
    string sourceIp = "192.0.2.55", int sourcePort = 5060)
{
    private uint _cseq;
    private uint _nc;
    private DigestChallenge? _challenge;

    public string CallId { get; set; } = $"{Guid.NewGuid():N}@192.0.2.55";
    public string User => user;
    public string Password { get; set; } = password;
    public IPEndPoint Source { get; set; } = new(IPAddress.Parse(sourceIp), sourcePort);
    public BindingTransport Transport { get; set; } = BindingTransport.Udp;

    public RegisterRequest Register(long? expires = 3600, string? contactValue = null, bool withAuth = true,
        bool wildcard = false, bool noContact = false, string? toUser = null, string toHost = ProcessorFixture.Domain)
    {
        var contacts = new List<RegisterContact>();
        if (!wildcard && !noContact)
        {
            foreach (var value in ContactValue.Split(contactValue ?? string.Format(System.Globalization.CultureInfo.InvariantCulture, contact, user)))
            {
                Assert.True(ContactValue.TryParse(value, out var parsed));
                contacts.Add(parsed);
            }
        }
        return new RegisterRequest
        {
            ToScheme = "sip",
            ToUser = toUser ?? user,
            ToHost = toHost,
            ToDisplay = user,
            FromUser = user,
            FromHost = toHost,
            CallId = CallId,
            CSeq = ++_cseq,
            Expires = expires,
            ContactWildcard = wildcard,
            Contacts = contacts,
            Authorization = withAuth && _challenge is not null ? Answer(_challenge) : null,
            UserAgent = "X-Lite release 4.9.8 stamp 84253",
            Source = Source,
            Transport = Transport,
            ConnectionId = Transport == BindingTransport.Udp ? null : 7,
        };
    }

    /// <summary>Remembers the first challenge of a 401 for the next request (nc restarts at 1).</summary>
    public void Learn(RegisterResult challenge)
    {
        Assert.Equal(401, challenge.StatusCode);
        var header = challenge.Challenges[0];
        Assert.True(DigestCredentials.TryParse(header + ", username=\"x\", uri=\"x\", response=\"x\", cnonce=\"x\", nc=00000001", out var parsed, out _));
        _challenge = new DigestChallenge(parsed.Realm, parsed.Nonce, parsed.Algorithm, header.Contains("stale=true", StringComparison.Ordinal));
        _nc = 0;
    }

    /// <summary>Sends the next request with the same nc again (a replay).</summary>
    public void RepeatNonceCount() => _nc--;

    private string Answer(DigestChallenge c)
    {
        var nc = (++_nc).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var uri = $"sip:{c.Realm}";
        var response = DigestHash.ComputeResponse(c.Algorithm, user, c.Realm, Password, "REGISTER", uri, c.Nonce, "auth", nc, "7761e869");
        return $"Digest username=\"{user}\",realm=\"{c.Realm}\",nonce=\"{c.Nonce}\",uri=\"{uri}\",response=\"{response}\"," +
            $"cnonce=\"7761e869\",nc={nc},qop=auth,algorithm={DigestChallenge.AlgorithmToken(c.Algorithm)}";
    }
}
