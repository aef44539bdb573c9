using Switch.Client;

namespace Switch.Examples.ClickToCall;

/// <summary>The program's exit codes (documented in README.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int UnexpectedError = 1;
    public const int BadArguments = 2;
    public const int SwitchUnreachable = 3;
    public const int Interrupted = 4;
    public const int AgentBusy = 10;
    public const int AgentNoAnswer = 11;
    public const int AgentUnavailable = 12;
    public const int AgentHungUp = 13;
    public const int CustomerBusy = 20;
    public const int CustomerNoAnswer = 21;
    public const int CustomerUnavailable = 22;

    /// <summary>Busy, no answer, or anything else (not registered, rejected, …) for the agent (10+) or the customer (20+).</summary>
    public static int ForFailure(HangupCause cause, bool customer)
    {
        var kind = cause switch
        {
            HangupCause.UserBusy or HangupCause.BusyEverywhere or HangupCause.CallRejected or HangupCause.Decline => 0,
            HangupCause.NoAnswer or HangupCause.NoUserResponse or HangupCause.RecoveryOnTimerExpire
                or HangupCause.ProgressTimeout or HangupCause.AllottedTimeout => 1,
            _ => 2,
        };
        return (customer ? CustomerBusy : AgentBusy) + kind;
    }
}
