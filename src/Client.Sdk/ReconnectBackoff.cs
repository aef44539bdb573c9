namespace Switch.Client;

/// <summary>Exponential backoff: <c>initial · 2^attempt</c>, capped at <c>max</c>, minus a random fraction of up to <c>jitter</c>.</summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, double jitter)
{
    /// <summary>Delay before attempt <paramref name="attempt"/> (0-based); <paramref name="random"/> is uniform in [0, 1).</summary>
    public TimeSpan GetDelay(int attempt, double random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var factor = Math.Pow(2, Math.Min(attempt, 30));
        var ticks = Math.Min(initial.Ticks * factor, max.Ticks);
        ticks *= 1 - (jitter * Math.Clamp(random, 0, 1));
        return TimeSpan.FromTicks((long)ticks);
    }
}
