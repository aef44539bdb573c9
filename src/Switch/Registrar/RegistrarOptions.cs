namespace Switch.Registrar;

/// <summary>The <c>registrar</c> configuration section.</summary>
internal sealed class RegistrarOptions
{
    /// <summary>Shortest registration accepted; shorter non-zero requests get 423 with Min-Expires.</summary>
    public int MinExpires { get; set; } = 60;

    /// <summary>Longest registration granted; longer requests are shortened to this.</summary>
    public int MaxExpires { get; set; } = 7200;

    /// <summary>Granted when the REGISTER has neither an Expires header nor a contact expires parameter.</summary>
    public int DefaultExpires { get; set; } = 3600;

    /// <summary>
    /// Seconds a binding is kept beyond what the phone was granted, so a slightly late refresh does not drop
    /// it (FreeSWITCH's sip-expires-late-margin, default 60).
    /// </summary>
    public int ExpiresLateMargin { get; set; } = 60;

    /// <summary>Most contacts one AOR may register at once (FreeSWITCH's max-registrations-per-extension).</summary>
    public int MaxBindingsPerAor { get; set; } = 20;

    /// <summary>Where bindings are kept: memory, sqlite or redis.</summary>
    public string Store { get; set; } = "memory";

    /// <summary>SQLite file for Store=sqlite; relative paths are under the data directory.</summary>
    public string SqlitePath { get; set; } = "registrations.db";

    /// <summary>StackExchange.Redis configuration string for Store=redis, e.g. "127.0.0.1:6379".</summary>
    public string? Redis { get; set; }

    public BruteForceOptions BruteForce { get; set; } = new();

    /// <summary>Every problem with these settings, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinExpires < 1)
        {
            errors.Add("registrar:MinExpires must be at least 1");
        }
        if (MaxExpires < MinExpires)
        {
            errors.Add("registrar:MaxExpires must not be below registrar:MinExpires");
        }
        if (DefaultExpires < MinExpires || DefaultExpires > MaxExpires)
        {
            errors.Add("registrar:DefaultExpires must lie between MinExpires and MaxExpires");
        }
        if (ExpiresLateMargin < 0)
        {
            errors.Add("registrar:ExpiresLateMargin must not be negative");
        }
        if (MaxBindingsPerAor < 1)
        {
            errors.Add("registrar:MaxBindingsPerAor must be at least 1");
        }
        if (Store is not ("memory" or "sqlite" or "redis"))
        {
            errors.Add($"registrar:Store: '{Store}' is not one of memory, sqlite, redis");
        }
        if (Store == "redis" && string.IsNullOrWhiteSpace(Redis))
        {
            errors.Add("registrar:Redis is required when registrar:Store is redis");
        }
        errors.AddRange(BruteForce.Validate());
        return errors;
    }
}
