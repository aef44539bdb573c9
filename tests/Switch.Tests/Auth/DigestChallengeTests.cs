using Switch.Sip.Auth;

namespace Switch.Tests.Auth;

public sealed class DigestChallengeTests
{
    [Fact]
    public void Has_the_seed_shape()
    {
        var challenge = new DigestChallenge("115.aa.aa.aa", "1118e141-6f6d-4cee-a7d7-5061f8d8a2da", DigestAlgorithm.Md5, false);

        Assert.Equal(
            "Digest realm=\"115.aa.aa.aa\", nonce=\"1118e141-6f6d-4cee-a7d7-5061f8d8a2da\", algorithm=MD5, qop=\"auth\"",
            challenge.ToString());
    }

    [Fact]
    public void Stale_goes_after_the_nonce_as_freeswitch_writes_it()
    {
        var challenge = new DigestChallenge("example.com", "n", DigestAlgorithm.Sha256, true);

        Assert.Equal("Digest realm=\"example.com\", nonce=\"n\", stale=true, algorithm=SHA-256, qop=\"auth\"",
            challenge.ToString());
    }

    [Fact]
    public void Realm_quotes_are_escaped_and_parse_back()
    {
        var text = new DigestChallenge("a\"b\\c", "n", DigestAlgorithm.Md5, false).ToString();

        Assert.Contains("realm=\"a\\\"b\\\\c\"", text, StringComparison.Ordinal);
        // A challenge has the same parameter syntax as credentials: check it parses back.
        Assert.True(DigestCredentials.TryParse(text + ", username=\"u\", uri=\"x\", response=\"r\", nc=00000001, cnonce=c",
            out var parsed, out _));
        Assert.Equal("a\"b\\c", parsed.Realm);
    }
}
