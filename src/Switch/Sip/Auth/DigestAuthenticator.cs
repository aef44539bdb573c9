using System.Security.Cryptography;

namespace Switch.Sip.Auth;

/// <summary>
/// Challenges and verifies HTTP digest (RFC 2617, RFC 7616, RFC 8760 for SIP): MD5 and SHA-256, qop=auth and
/// the legacy no-qop form. Nonces are stateless (<see cref="DigestNonces"/>); nonce-counts are tracked to
/// refuse replays. Thread-safe.
/// </summary>
internal sealed class DigestAuthenticator
{
    private readonly DigestNonces _nonces;
    private readonly NonceCountTracker _counts;
    private readonly TimeProvider _time;
    private readonly bool _allowNoQop;
    private readonly string _decoyPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public DigestAuthenticator(DigestOptions options, TimeProvider time, ReadOnlySpan<byte> secret = default)
    {
        _time = time;
        Algorithms = options.GetAlgorithms();
        _nonces = new DigestNonces(time, options.NonceLifetime, secret);
        _counts = new NonceCountTracker(options.MaxTrackedNonces);
        _allowNoQop = options.AllowNoQop;
    }

    /// <summary>The algorithms challenged with, in header order.</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; }

    public DigestNonces Nonces => _nonces;

    /// <summary>One challenge per configured algorithm, each with its own fresh nonce.</summary>
    public IReadOnlyList<DigestChallenge> CreateChallenges(string realm, bool stale)
    {
        var result = new DigestChallenge[Algorithms.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new DigestChallenge(realm, _nonces.Issue(realm), Algorithms[i], stale);
        }
        return result;
    }

    /// <summary>
    /// Verifies <paramref name="credentials"/> for a request with <paramref name="method"/> in
    /// <paramref name="realm"/>. <paramref name="password"/> null means the user does not exist: the work done
    /// and the verdicts given are the same as for a wrong password, so users cannot be enumerated.
    /// After success the nonce stays usable for <paramref name="keepNonceFor"/> beyond its own lifetime
    /// (FreeSWITCH keeps a REGISTER's nonce for the registration's expiry).
    /// </summary>
    public DigestVerdict Verify(DigestCredentials credentials, string method, string realm, string? password,
        TimeSpan keepNonceFor = default)
    {
        var now = _time.GetUtcNow();
        var status = _nonces.Check(credentials.Nonce, realm, out var issuedAt);
        if (status == NonceStatus.Unknown
            || (status == NonceStatus.Expired && !_counts.IsKeptAlive(credentials.Nonce, now)))
        {
            return DigestVerdict.Stale;
        }

        var acceptable = string.Equals(credentials.Realm, realm, StringComparison.OrdinalIgnoreCase)
            && Offered(credentials.Algorithm)
            && (credentials.Qop is not null || _allowNoQop)
            && password is not null;

        Span<char> ha1 = stackalloc char[64];
        var ha1Length = DigestHash.WriteHa1(credentials.Algorithm, credentials.Username, credentials.Realm,
            password ?? _decoyPassword, credentials.Nonce, credentials.Cnonce, ha1);
        Span<char> expected = stackalloc char[64];
        var length = DigestHash.WriteResponse(credentials.Algorithm, ha1[..ha1Length], method, credentials.Uri,
            credentials.Nonce, credentials.Qop, credentials.NonceCountText, credentials.Cnonce, expected);
        if (!(ResponseEquals(expected[..length], credentials.Response) && acceptable))
        {
            return DigestVerdict.Forbidden;
        }

        var keepUntil = now + _nonces.Lifetime + (keepNonceFor > TimeSpan.Zero ? keepNonceFor : TimeSpan.Zero);
        return _counts.TryAccept(credentials.Nonce, credentials.NonceCount, issuedAt, now, keepUntil) switch
        {
            NonceCountResult.Accepted => DigestVerdict.Authenticated,
            NonceCountResult.Replayed => DigestVerdict.Replayed,
            _ => DigestVerdict.Stale,
        };
    }

    private bool Offered(DigestAlgorithm algorithm)
    {
        foreach (var a in Algorithms)
        {
            if (a == algorithm)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Constant-time, case-insensitive comparison of hex digests.</summary>
    private static bool ResponseEquals(ReadOnlySpan<char> expected, string given)
    {
        if (given.Length != expected.Length)
        {
            return false;
        }
        var diff = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var c = given[i];
            if (c is >= 'A' and <= 'F')
            {
                c = (char)(c | 0x20);
            }
            diff |= expected[i] ^ c;
        }
        return diff == 0;
    }
}
