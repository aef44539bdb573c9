using System.Text.RegularExpressions;
using Switch.Sip.Auth;
using Switch.Tests.Support;

namespace Switch.Tests.Auth;

public sealed partial class DigestNoncesTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Nonces_look_like_uuids_and_differ()
    {
        var nonces = new DigestNonces(_time, TimeSpan.FromSeconds(60));

        var a = nonces.Issue("example.com");
        var b = nonces.Issue("example.com");

        Assert.Matches(UuidShape(), a);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_fresh_nonce_is_valid_for_its_realm_only()
    {
        var nonces = new DigestNonces(_time, TimeSpan.FromSeconds(60));
        var nonce = nonces.Issue("example.com");

        Assert.Equal(NonceStatus.Valid, nonces.Check(nonce, "example.com", out var issuedAt));
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds(), issuedAt.ToUnixTimeSeconds());
        Assert.Equal(NonceStatus.Valid, nonces.Check(nonce, "EXAMPLE.com", out _));
        Assert.Equal(NonceStatus.Unknown, nonces.Check(nonce, "other.example.com", out _));
    }

    [Fact]
    public void A_nonce_expires_after_its_lifetime()
    {
        var nonces = new DigestNonces(_time, TimeSpan.FromSeconds(60));
        var nonce = nonces.Issue("r");

        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(NonceStatus.Valid, nonces.Check(nonce, "r", out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(NonceStatus.Expired, nonces.Check(nonce, "r", out _));
    }

    [Fact]
    public void Tampered_or_foreign_nonces_are_unknown()
    {
        var nonces = new DigestNonces(_time, TimeSpan.FromSeconds(60));
        var other = new DigestNonces(_time, TimeSpan.FromSeconds(60));
        var nonce = nonces.Issue("r");
        var flipped = (nonce[0] == '0' ? '1' : '0') + nonce[1..];

        Assert.Equal(NonceStatus.Unknown, nonces.Check(flipped, "r", out _));
        Assert.Equal(NonceStatus.Unknown, other.Check(nonce, "r", out _));
        Assert.Equal(NonceStatus.Unknown, nonces.Check("1118e141-6f6d-4cee-a7d7-5061f8d8a2da", "r", out _));
        Assert.Equal(NonceStatus.Unknown, nonces.Check("not a nonce", "r", out _));
        Assert.Equal(NonceStatus.Unknown, nonces.Check(nonce.Replace('-', 'x'), "r", out _));
        Assert.Equal(NonceStatus.Unknown, nonces.Check(nonce + "0", "r", out _));
    }

    [Fact]
    public void The_same_secret_verifies_across_instances()
    {
        byte[] secret = [1, 2, 3, 4, 5, 6, 7, 8];
        var a = new DigestNonces(_time, TimeSpan.FromSeconds(60), secret);
        var b = new DigestNonces(_time, TimeSpan.FromSeconds(60), secret);

        Assert.Equal(NonceStatus.Valid, b.Check(a.Issue("r"), "r", out _));
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex UuidShape();
}
