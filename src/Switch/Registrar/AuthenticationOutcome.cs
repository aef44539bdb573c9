using Switch.Sip.Auth;

namespace Switch.Registrar;

/// <summary>What <see cref="RequestAuthenticator"/> decided about a request.</summary>
internal enum AuthenticationStatus
{
    /// <summary>Credentials verified; <see cref="AuthenticationOutcome.User"/> is set.</summary>
    Authenticated,

    /// <summary>Answer 401/407 with <see cref="AuthenticationOutcome.Challenges"/>.</summary>
    Challenge,

    /// <summary>Answer 403.</summary>
    Forbidden,

    /// <summary>The source is banned and was already told: send nothing.</summary>
    Drop,
}

/// <summary>The result of authenticating one request.</summary>
internal sealed record AuthenticationOutcome(
    AuthenticationStatus Status,
    DirectoryUser? User,
    IReadOnlyList<DigestChallenge> Challenges,
    DigestCredentials? Credentials)
{
    public static AuthenticationOutcome Forbidden { get; } = new(AuthenticationStatus.Forbidden, null, [], null);

    public static AuthenticationOutcome Drop { get; } = new(AuthenticationStatus.Drop, null, [], null);

    /// <summary>The challenge header values, one per algorithm, in order.</summary>
    public string[] ChallengeHeaders
    {
        get
        {
            var headers = new string[Challenges.Count];
            for (var i = 0; i < headers.Length; i++)
            {
                headers[i] = Challenges[i].ToString();
            }
            return headers;
        }
    }
}
