namespace Switch.Registrar;

/// <summary>What to do with a request from a source, as decided by <see cref="BruteForceGuard.Check"/>.</summary>
internal enum BanCheck
{
    Allowed,

    /// <summary>Banned: answer this one request with 403, then stay silent.</summary>
    RespondForbidden,

    /// <summary>Banned and already told: drop the request without any response.</summary>
    Drop,
}
