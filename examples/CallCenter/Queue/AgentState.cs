namespace Switch.Examples.CallCenter;

/// <summary>Where an agent is.</summary>
internal enum AgentState
{
    LoggedOut = 0,
    Available = 1,
    Ringing = 2,
    InCall = 3,
    WrapUp = 4,

    /// <summary>Did not answer an offer; back after the no-answer pause.</summary>
    NoAnswerPause = 5,
}
