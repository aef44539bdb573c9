namespace Switch.Registrar;

/// <summary>The <c>registrar:BruteForce</c> section: banning sources that keep failing authentication.</summary>
internal sealed class BruteForceOptions
{
    /// <summary>Failed authentications from one IP address within <see cref="Window"/> that trigger a ban; 0 disables.</summary>
    public int Threshold { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan BanPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most source addresses tracked at once; beyond it the least recently failing are forgotten.</summary>
    public int MaxTrackedSources { get; set; } = 100_000;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Threshold < 0)
        {
            errors.Add("registrar:BruteForce:Threshold must not be negative");
        }
        if (Window <= TimeSpan.Zero)
        {
            errors.Add("registrar:BruteForce:Window must be positive");
        }
        if (BanPeriod <= TimeSpan.Zero)
        {
            errors.Add("registrar:BruteForce:BanPeriod must be positive");
        }
        if (MaxTrackedSources < 16)
        {
            errors.Add("registrar:BruteForce:MaxTrackedSources must be at least 16");
        }
        return errors;
    }
}
