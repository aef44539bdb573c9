using System.Net;
using Microsoft.Extensions.Logging;
using Switch.Sip.Auth;

namespace Switch.Registrar;

/// <summary>
/// Authenticates a request against the directory with digest, under the brute-force guard: the one call the
/// registrar (401 challenges for REGISTER) and the call engine (407 challenges for INVITE) both use, with the
/// same nonces and bans. Unknown users and wrong passwords are indistinguishable from outside.
/// </summary>
internal sealed class RequestAuthenticator
{
    private readonly UserDirectory _directory;
    private readonly DigestAuthenticator _digest;
    private readonly BruteForceGuard _guard;
    private readonly ILogger _logger;

    public RequestAuthenticator(UserDirectory directory, DigestAuthenticator digest, BruteForceGuard guard,
        ILogger<RequestAuthenticator> logger)
    {
        _directory = directory;
        _digest = digest;
        _guard = guard;
        _logger = logger;
    }

    public UserDirectory Directory => _directory;

    public BruteForceGuard Guard => _guard;

    /// <summary>
    /// Authenticates <paramref name="authorization"/> (the Authorization or Proxy-Authorization value, null if
    /// absent) for a request with <paramref name="method"/> from <paramref name="source"/>. With
    /// <paramref name="requiredUser"/> the digest username must be that user (a REGISTER's To user).
    /// <paramref name="keepNonceFor"/> keeps the nonce usable that long after success (the registration period).
    /// </summary>
    public AuthenticationOutcome Authenticate(string? authorization, string method, IPEndPoint source,
        string? requiredUser = null, TimeSpan keepNonceFor = default)
    {
        return _guard.Check(source.Address) switch
        {
            BanCheck.Drop => AuthenticationOutcome.Drop,
            BanCheck.RespondForbidden => AuthenticationOutcome.Forbidden,
            _ => Verify(authorization, method, source, requiredUser, keepNonceFor),
        };
    }

    /// <summary>
    /// <see cref="Authenticate"/> without the ban check, for callers that checked the source themselves
    /// (a ban check has a side effect: the first one answers 403, later ones drop).
    /// </summary>
    public AuthenticationOutcome Verify(string? authorization, string method, IPEndPoint source,
        string? requiredUser = null, TimeSpan keepNonceFor = default)
    {
        var directory = _directory.Current;
        if (string.IsNullOrEmpty(authorization)
            || !DigestCredentials.TryParse(authorization, out var credentials, out _))
        {
            return Challenge(directory.Domain, stale: false);
        }

        string? password = null;
        DirectoryUser? user = null;
        if ((requiredUser is null || string.Equals(requiredUser, credentials.Username, StringComparison.OrdinalIgnoreCase))
            && directory.TryGetUser(credentials.Username, out var found))
        {
            user = found;
            password = found.Password;
        }

        var verdict = _digest.Verify(credentials, method, directory.Domain, password, keepNonceFor);
        switch (verdict)
        {
            case DigestVerdict.Authenticated:
                return new AuthenticationOutcome(AuthenticationStatus.Authenticated, user, [], credentials);
            case DigestVerdict.Stale:
                return Challenge(directory.Domain, stale: true);
            case DigestVerdict.Replayed:
                return Challenge(directory.Domain, stale: false);
            default:
                RegistrarLog.AuthenticationFailed(_logger, credentials.Username, source, verdict.ToString());
                _guard.RecordFailure(source.Address);
                return AuthenticationOutcome.Forbidden;
        }
    }

    private AuthenticationOutcome Challenge(string realm, bool stale) =>
        new(AuthenticationStatus.Challenge, null, _digest.CreateChallenges(realm, stale), null);
}
