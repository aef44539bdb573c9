namespace Switch.Sip.Auth;

/// <summary>The outcome of <see cref="NonceCountTracker.TryAccept"/>.</summary>
internal enum NonceCountResult
{
    /// <summary>nc is higher than any seen for this nonce (or the first use): recorded.</summary>
    Accepted,

    /// <summary>nc is not higher than one already accepted: a replay.</summary>
    Replayed,

    /// <summary>The nonce's record was dropped to bound memory; its counts are unknown, so it is refused.</summary>
    Forgotten,
}
