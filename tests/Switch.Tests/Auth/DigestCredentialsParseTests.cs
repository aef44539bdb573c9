using FsCheck;
using FsCheck.Fluent;
using Switch.Sip.Auth;

namespace Switch.Tests.Auth;

public sealed class DigestCredentialsParseTests
{
    // The Authorization header of the seed capture's second REGISTER (X-Lite), with the truncated tail completed.
    private const string SeedHeader =
        "Digest username=\"1008\",realm=\"115.aa.aa.aa\",nonce=\"1118e141-6f6d-4cee-a7d7-5061f8d8a2da\"," +
        "uri=\"sip:115.aa.aa.aa:5060\",response=\"1cd1bea82808566209948ba2eb53c9f1\"," +
        "cnonce=\"7761e8692660d5ee8467fc4a3974afe3\",nc=00000001,qop=auth,algorithm=MD5";

    [Fact]
    public void Parses_the_seed_header()
    {
        Assert.True(DigestCredentials.TryParse(SeedHeader, out var c, out var error));

        Assert.Equal(DigestParseError.None, error);
        Assert.Equal("1008", c.Username);
        Assert.Equal("115.aa.aa.aa", c.Realm);
        Assert.Equal("1118e141-6f6d-4cee-a7d7-5061f8d8a2da", c.Nonce);
        Assert.Equal("sip:115.aa.aa.aa:5060", c.Uri);
        Assert.Equal("1cd1bea82808566209948ba2eb53c9f1", c.Response);
        Assert.Equal("7761e8692660d5ee8467fc4a3974afe3", c.Cnonce);
        Assert.Equal("00000001", c.NonceCountText);
        Assert.Equal(1u, c.NonceCount);
        Assert.Equal("auth", c.Qop);
        Assert.Equal(DigestAlgorithm.Md5, c.Algorithm);
        Assert.True(c.AlgorithmGiven);
    }

    [Fact]
    public void Order_spacing_case_and_quoting_do_not_matter()
    {
        const string header = "  digest   QOP=\"auth\" , NC = 0000000a ,cnonce=abc, response = \"ABCDEF\"\t," +
            " uri=\"sip:x\", Nonce=n1,realm = \"r\",username=\"u\", algorithm=\"sha-256\"";

        Assert.True(DigestCredentials.TryParse(header, out var c, out _));

        Assert.Equal("u", c.Username);
        Assert.Equal("r", c.Realm);
        Assert.Equal("n1", c.Nonce);
        Assert.Equal(10u, c.NonceCount);
        Assert.Equal("0000000a", c.NonceCountText);
        Assert.Equal("abc", c.Cnonce);
        Assert.Equal(DigestAlgorithm.Sha256, c.Algorithm);
        Assert.Equal("ABCDEF", c.Response);
    }

    [Fact]
    public void Quoted_strings_unescape_backslashes_and_may_hold_commas()
    {
        const string header = "Digest username=\"a\\\"b\\\\c\", realm=\"x, y\", nonce=\"n\", uri=\"sip:z\", response=\"r\"";

        Assert.True(DigestCredentials.TryParse(header, out var c, out _));

        Assert.Equal("a\"b\\c", c.Username);
        Assert.Equal("x, y", c.Realm);
        Assert.Null(c.Qop);
        Assert.Equal(0u, c.NonceCount);
        Assert.False(c.AlgorithmGiven);
        Assert.Equal(DigestAlgorithm.Md5, c.Algorithm);
    }

    [Fact]
    public void Unknown_parameters_are_ignored()
    {
        const string header = "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:z\", response=\"r\", foo=bar, x=\"y\"";

        Assert.True(DigestCredentials.TryParse(header, out _, out _));
    }

    [Theory]
    [InlineData("", "NotDigest")]
    [InlineData("   ", "NotDigest")]
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "NotDigest")]
    [InlineData("Bearer abc", "NotDigest")]
    [InlineData("Digestive username=\"u\"", "NotDigest")]
    [InlineData("Digest", "MissingParameter")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"", "MissingParameter")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth", "MissingParameter")]
    [InlineData("Digest username=\"u\", username=\"v\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"", "DuplicateParameter")]
    [InlineData("Digest username=\"u, realm=\"r\"", "Malformed")]
    [InlineData("Digest username=\"u\\", "Malformed")]
    [InlineData("Digest username", "Malformed")]
    [InlineData("Digest username=", "Malformed")]
    [InlineData("Digest =u", "Malformed")]
    [InlineData("Digest username=\"u\" realm=\"r\"", "Malformed")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", algorithm=SHA-512-256", "UnsupportedAlgorithm")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth-int, nc=00000001, cnonce=c", "UnsupportedQop")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, nc=1, cnonce=c", "InvalidNonceCount")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, nc=0000000g, cnonce=c", "InvalidNonceCount")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", algorithm=MD5-sess", "MissingParameter")]
    public void Rejects_with_a_typed_reason(string header, string reason)
    {
        var expected = Enum.Parse<DigestParseError>(reason);
        Assert.False(DigestCredentials.TryParse(header, out var c, out var error));

        Assert.Null(c);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Overlong_values_are_refused_before_parsing()
    {
        var header = "Digest username=\"" + new string('a', DigestCredentials.MaxLength) + "\"";

        Assert.False(DigestCredentials.TryParse(header, out _, out var error));
        Assert.Equal(DigestParseError.TooLong, error);
    }

    [Fact]
    public void Never_throws_on_arbitrary_input()
    {
        var alphabet = "Digest usernamrlocqi=\",\\ \t0123456789abcdef-".ToCharArray();
        var gen = Gen.ArrayOf(Gen.Elements(alphabet)).Select(chars => new string(chars));
        Prop.ForAll(Arb.From(gen), s =>
        {
            var ok = DigestCredentials.TryParse(s, out var c, out var error);
            return ok == (c is not null) && ok == (error == DigestParseError.None);
        }).QuickCheckThrowOnFailure();

        Prop.ForAll<string>(s =>
        {
            DigestCredentials.TryParse(s ?? string.Empty, out _, out _);
            DigestCredentials.TryParse("Digest " + s, out _, out _);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Quoted_values_round_trip_through_escaping()
    {
        Prop.ForAll<NonNull<string>>(s =>
        {
            var escaped = s.Get.Replace("\\", "\\\\").Replace("\"", "\\\"");
            var header = $"Digest username=\"{escaped}\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"";
            return DigestCredentials.TryParse(header, out var c, out _) && c.Username == s.Get;
        }).QuickCheckThrowOnFailure();
    }
}
