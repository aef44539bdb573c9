namespace Switch.Examples.CallCenter;

/// <summary>A snapshot of the queue for the stats endpoint.</summary>
internal sealed record QueueStats(
    string Queue,
    string Strategy,
    int Waiting,
    double LongestWaitSeconds,
    long Entered,
    long Answered,
    long Abandoned,
    long NoAnswers,
    double AverageWaitSeconds,
    IReadOnlyList<AgentStats> Agents);

/// <summary>One agent in <see cref="QueueStats"/>.</summary>
internal sealed record AgentStats(string Id, string State, double IdleSeconds, int CallsAnswered, int NoAnswers, string? Caller);
