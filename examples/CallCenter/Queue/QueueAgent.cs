namespace Switch.Examples.CallCenter;

/// <summary>An agent as the queue sees it (mutable; owned by <see cref="CallQueue"/>).</summary>
internal sealed class QueueAgent(string id)
{
    public string Id { get; } = id;

    public AgentState State { get; set; } = AgentState.LoggedOut;

    /// <summary>When the agent last became available.</summary>
    public DateTimeOffset IdleSince { get; set; }

    /// <summary>End of wrap-up or no-answer pause.</summary>
    public DateTimeOffset AvailableAt { get; set; }

    /// <summary>The caller being offered or talked to.</summary>
    public string? CallerUuid { get; set; }

    public int CallsAnswered { get; set; }

    public int NoAnswers { get; set; }
}
