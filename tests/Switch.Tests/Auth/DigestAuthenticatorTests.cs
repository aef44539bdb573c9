using Switch.Sip.Auth;
using Switch.Tests.Support;

namespace Switch.Tests.Auth;

public sealed class DigestAuthenticatorTests
{
    private const string Realm = "192.0.2.10";
    private readonly ManualTimeProvider _time = new();

    private DigestAuthenticator Create(params string[] algorithms) =>
        new(new DigestOptions { Algorithms = algorithms.Length == 0 ? null : algorithms }, _time);

    private static DigestCredentials Answer(DigestChallenge challenge, string user, string password, uint nc = 1,
        string method = "REGISTER", string uri = "sip:192.0.2.10", bool qop = true, string cnonce = "0a4f113b")
    {
        var ncText = nc.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        return new DigestCredentials
        {
            Username = user,
            Realm = challenge.Realm,
            Nonce = challenge.Nonce,
            Uri = uri,
            Algorithm = challenge.Algorithm,
            Qop = qop ? "auth" : null,
            Cnonce = qop ? cnonce : null,
            NonceCountText = qop ? ncText : null,
            NonceCount = qop ? nc : 0,
            Response = DigestHash.ComputeResponse(challenge.Algorithm, user, challenge.Realm, password, method, uri,
                challenge.Nonce, qop ? "auth" : null, qop ? ncText : null, qop ? cnonce : null),
        };
    }

    [Fact]
    public void Default_challenge_is_one_md5_challenge()
    {
        var challenges = Create().CreateChallenges(Realm, stale: false);

        var c = Assert.Single(challenges);
        Assert.Equal(DigestAlgorithm.Md5, c.Algorithm);
        Assert.StartsWith($"Digest realm=\"{Realm}\", nonce=\"", c.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\", algorithm=MD5, qop=\"auth\"", c.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Md5_and_sha256_are_offered_in_configured_order_with_distinct_nonces()
    {
        var challenges = Create("MD5", "SHA-256").CreateChallenges(Realm, stale: true);

        Assert.Equal([DigestAlgorithm.Md5, DigestAlgorithm.Sha256], challenges.Select(c => c.Algorithm));
        Assert.NotEqual(challenges[0].Nonce, challenges[1].Nonce);
        Assert.All(challenges, c => Assert.Contains("stale=true", c.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Correct_answer_authenticates_and_nc_replay_is_refused()
    {
        var auth = Create();
        var challenge = auth.CreateChallenges(Realm, false)[0];

        Assert.Equal(DigestVerdict.Authenticated, auth.Verify(Answer(challenge, "1000", "1234"), "REGISTER", Realm, "1234"));
        Assert.Equal(DigestVerdict.Replayed, auth.Verify(Answer(challenge, "1000", "1234"), "REGISTER", Realm, "1234"));
        Assert.Equal(DigestVerdict.Authenticated, auth.Verify(Answer(challenge, "1000", "1234", nc: 2), "REGISTER", Realm, "1234"));
    }

    [Fact]
    public void Sha256_answers_authenticate_when_offered_and_are_forbidden_otherwise()
    {
        var both = Create("MD5", "SHA-256");
        var sha = both.CreateChallenges(Realm, false)[1];
        Assert.Equal(DigestVerdict.Authenticated, both.Verify(Answer(sha, "1000", "1234"), "REGISTER", Realm, "1234"));

        var md5Only = Create();
        var forged = md5Only.CreateChallenges(Realm, false)[0] with { Algorithm = DigestAlgorithm.Sha256 };
        Assert.Equal(DigestVerdict.Forbidden, md5Only.Verify(Answer(forged, "1000", "1234"), "REGISTER", Realm, "1234"));
    }

    [Fact]
    public void Wrong_password_and_unknown_user_get_the_same_verdict()
    {
        var auth = Create();
        var challenge = auth.CreateChallenges(Realm, false)[0];

        Assert.Equal(DigestVerdict.Forbidden, auth.Verify(Answer(challenge, "1000", "wrong"), "REGISTER", Realm, "1234"));
        Assert.Equal(DigestVerdict.Forbidden, auth.Verify(Answer(challenge, "9999", "1234"), "REGISTER", Realm, password: null));
    }

    [Fact]
    public void A_failed_attempt_does_not_burn_the_nonce_count()
    {
        var auth = Create();
        var challenge = auth.CreateChallenges(Realm, false)[0];

        Assert.Equal(DigestVerdict.Forbidden, auth.Verify(Answer(challenge, "1000", "guess", nc: 5), "REGISTER", Realm, "1234"));
        Assert.Equal(DigestVerdict.Authenticated, auth.Verify(Answer(challenge, "1000", "1234", nc: 1), "REGISTER", Realm, "1234"));
    }

    [Fact]
    public void Method_and_uri_are_part_of_the_digest()
    {
        var auth = Create();
        var challenge = auth.CreateChallenges(Realm, false)[0];

        Assert.Equal(DigestVerdict.Forbidden, auth.Verify(Answer(challenge, "1000", "1234"), "INVITE", Realm, "1234"));
        Assert.Equal(DigestVerdict.Authenticated, auth.Verify(Answer(challenge, "1000", "1234", method: "INVITE"), "INVITE", Realm, "1234"));
    }

    [Fact]
    public void Expired_nonce_is_stale_for_known_and_unknown_users_alike()
    {
        var auth = Create();
        var challenge = auth.CreateChallenges(Realm, false)[0];
        _time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(DigestVerdict.Stale, auth.Verify(Answer(challenge, "1000", "1234"), "REGISTER", Realm, "1234"));
        Assert.Equal(DigestVerdict.Stale, auth.Verify(Answer(challenge, "1000", "wrong"), "REGISTER", Realm, "1234"));
        Assert.Equal(DigestVerdict.Stale, auth.Verify(Answer(challenge, "nobody", "x"), "REGISTER", Realm, null));
    }

    [Fact]
    public void A_nonce_used_by_a_register_stays_usable_for_the_registration_period()
    {
        var auth = Create();
        var challenge = auth.CreateChallenges(Realm, false)[0];
        Assert.Equal(DigestVerdict.Authenticated,
            auth.Verify(Answer(challenge, "1000", "1234"), "REGISTER", Realm, "1234", TimeSpan.FromSeconds(3600)));

        _time.Advance(TimeSpan.FromSeconds(1800));
        Assert.Equal(DigestVerdict.Authenticated,
            auth.Verify(Answer(challenge, "1000", "1234", nc: 2), "REGISTER", Realm, "1234", TimeSpan.FromSeconds(3600)));

        _time.Advance(TimeSpan.FromSeconds(3600 + 61));
        Assert.Equal(DigestVerdict.Stale, auth.Verify(Answer(challenge, "1000", "1234", nc: 3), "REGISTER", Realm, "1234"));
    }

    [Fact]
    public void Nonces_from_another_process_or_realm_are_stale()
    {
        var auth = Create();
        var foreign = Create().CreateChallenges(Realm, false)[0];
        var otherRealm = auth.CreateChallenges("other.example", false)[0] with { Realm = Realm };

        Assert.Equal(DigestVerdict.Stale, auth.Verify(Answer(foreign, "1000", "1234"), "REGISTER", Realm, "1234"));
        Assert.Equal(DigestVerdict.Stale, auth.Verify(Answer(otherRealm, "1000", "1234"), "REGISTER", Realm, "1234"));
    }

    [Fact]
    public void Realm_in_the_answer_must_match()
    {
        var auth = Create();
        var challenge = auth.CreateChallenges(Realm, false)[0];
        var answer = Answer(challenge with { Realm = "evil.example" }, "1000", "1234");

        Assert.Equal(DigestVerdict.Forbidden, auth.Verify(answer, "REGISTER", Realm, "1234"));
    }

    [Fact]
    public void Legacy_answers_without_qop_follow_the_option()
    {
        var lenient = Create();
        var c1 = lenient.CreateChallenges(Realm, false)[0];
        Assert.Equal(DigestVerdict.Authenticated, lenient.Verify(Answer(c1, "1000", "1234", qop: false), "REGISTER", Realm, "1234"));
        Assert.Equal(DigestVerdict.Authenticated, lenient.Verify(Answer(c1, "1000", "1234", qop: false), "REGISTER", Realm, "1234"));

        var strict = new DigestAuthenticator(new DigestOptions { AllowNoQop = false }, _time);
        var c2 = strict.CreateChallenges(Realm, false)[0];
        Assert.Equal(DigestVerdict.Forbidden, strict.Verify(Answer(c2, "1000", "1234", qop: false), "REGISTER", Realm, "1234"));
    }

    [Fact]
    public void Uppercase_hex_responses_are_accepted()
    {
        var auth = Create();
        var challenge = auth.CreateChallenges(Realm, false)[0];
        var answer = Answer(challenge, "1000", "1234");

        Assert.Equal(DigestVerdict.Authenticated,
            auth.Verify(answer with { Response = answer.Response.ToUpperInvariant() }, "REGISTER", Realm, "1234"));
    }

    [Fact]
    public void Bad_algorithm_configuration_names_the_key()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new DigestOptions { Algorithms = ["SHA-1"] }.GetAlgorithms());
        Assert.Contains("auth:Algorithms", ex.Message, StringComparison.Ordinal);
    }
}
