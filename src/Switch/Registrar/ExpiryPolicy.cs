namespace Switch.Registrar;

/// <summary>Applies min/max/default expiry to what a contact asked for.</summary>
internal sealed class ExpiryPolicy(RegistrarOptions options)
{
    public int MinExpires => options.MinExpires;

    public TimeSpan LateMargin => TimeSpan.FromSeconds(options.ExpiresLateMargin);

    /// <summary>
    /// <paramref name="requested"/> is the contact's expires parameter, else the Expires header, else null.
    /// 0 removes; below the minimum is too brief; above the maximum is shortened; absent gets the default.
    /// </summary>
    public ExpiryDecision Decide(long? requested)
    {
        if (requested is null)
        {
            return ExpiryDecision.Grant(options.DefaultExpires);
        }
        var seconds = requested.Value;
        if (seconds <= 0)
        {
            return ExpiryDecision.Remove;
        }
        if (seconds < options.MinExpires)
        {
            return ExpiryDecision.TooBrief(options.MinExpires);
        }
        return ExpiryDecision.Grant((int)Math.Min(seconds, options.MaxExpires));
    }
}
