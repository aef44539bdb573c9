namespace Switch.Commands.System;

/// <summary>Counters `status` prints; the call engine supplies them.</summary>
internal readonly record struct SessionStatistics(
    long SinceStartup, int Current, int Peak, int PeakLastFiveMinutes,
    int PerSecond, int PerSecondPeak, int PerSecondPeakLastFiveMinutes, int MaxSessions, int MaxPerSecond);
