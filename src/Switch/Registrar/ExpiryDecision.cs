namespace Switch.Registrar;

/// <summary>What to do with a contact's requested expiry (RFC 3261 §10.3 steps 6-7).</summary>
internal readonly record struct ExpiryDecision(ExpiryOutcome Outcome, int Seconds)
{
    public static ExpiryDecision Remove => new(ExpiryOutcome.Remove, 0);

    public static ExpiryDecision Grant(int seconds) => new(ExpiryOutcome.Grant, seconds);

    /// <summary>423 Interval Too Brief; <see cref="Seconds"/> is the Min-Expires to send.</summary>
    public static ExpiryDecision TooBrief(int minExpires) => new(ExpiryOutcome.TooBrief, minExpires);
}

internal enum ExpiryOutcome
{
    Grant,
    Remove,
    TooBrief,
}
