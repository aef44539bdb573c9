using Switch.Calls;

namespace Switch.Commands.System;

/// <summary>Counters `status` prints; the call engine supplies them.</summary>
internal readonly record struct SessionStatistics(
    long SinceStartup, int Current, int Peak, int PeakLastFiveMinutes,
    int PerSecond, int PerSecondPeak, int PerSecondPeakLastFiveMinutes, int MaxSessions, int MaxPerSecond)
{
    /// <summary>The call registry's counters with the configured limits.</summary>
    public static SessionStatistics Of(SessionCounts counts, int maxSessions, int maxPerSecond) =>
        new(counts.SinceStartup, counts.Current, counts.Peak, counts.PeakFiveMinutes,
            counts.PerSecond, counts.PerSecondPeak, counts.PerSecondPeakFiveMinutes, maxSessions, maxPerSecond);
}
