namespace Switch.Examples.CallCenter;

/// <summary>Queue behaviour.</summary>
internal sealed record QueueOptions
{
    /// <summary>The number callers dial.</summary>
    public string Number { get; init; } = "5000";

    public QueueStrategy Strategy { get; init; } = QueueStrategy.LongestIdle;

    /// <summary>How long an agent's phone rings before the offer moves on.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time after a call before the agent gets the next one.</summary>
    public TimeSpan WrapUp { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time an agent who did not answer is skipped.</summary>
    public TimeSpan NoAnswerPause { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>What waiting callers hear (played in a loop).</summary>
    public string HoldMusic { get; init; } = "tone_stream://%(2000,4000,440,480)";
}
