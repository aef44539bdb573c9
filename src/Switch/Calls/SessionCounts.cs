namespace Switch.Calls;

/// <summary>
/// The session counters of FreeSWITCH's <c>status</c>: created since start-up, alive now, the most alive at once
/// (ever and in the last 5 minutes), created in the last second, and the most created in one second (ever and
/// in the last 5 minutes).
/// </summary>
internal readonly record struct SessionCounts(
    long SinceStartup, int Current, int Peak, int PeakFiveMinutes, int PerSecond, int PerSecondPeak, int PerSecondPeakFiveMinutes);
