namespace Switch.Calls;

/// <summary>
/// A leg's caller profile (switch_caller_profile_t): who calls whom, from where, and the times the leg went
/// through (microseconds since the Unix epoch, 0 when not reached). Printed as the Caller-* block of every
/// channel event and as Other-Leg-* on the peer. Owned by its channel and changed only on its call's mailbox.
/// </summary>
internal sealed class CallerProfile
{
    public CallDirection Direction { get; set; }
    public CallDirection LogicalDirection { get; set; }
    public string? Username { get; set; }
    public string? Dialplan { get; set; }
    public string? CallerIdName { get; set; }
    public string? CallerIdNumber { get; set; }
    public string? OrigCallerIdName { get; set; }
    public string? OrigCallerIdNumber { get; set; }
    public string? CalleeIdName { get; set; }
    public string? CalleeIdNumber { get; set; }
    public string? NetworkAddr { get; set; }
    public string? Ani { get; set; }
    public string? AniIi { get; set; }
    public string? DestinationNumber { get; set; }
    public string? UniqueId { get; set; }
    public string? Source { get; set; }
    public string? TransferSource { get; set; }
    public string? Context { get; set; }
    public string? Rdnis { get; set; }
    public string? ChannelName { get; set; }
    public string? ProfileIndex { get; set; }

    public long ProfileCreatedTime { get; set; }
    public long CreatedTime { get; set; }
    public long AnsweredTime { get; set; }
    public long ProgressTime { get; set; }
    public long ProgressMediaTime { get; set; }
    public long HangupTime { get; set; }
    public long TransferTime { get; set; }
    public long ResurrectTime { get; set; }
    public long BridgedTime { get; set; }
    public long LastHoldTime { get; set; }
    public long HoldAccumTime { get; set; }

    public bool ScreenBit { get; set; } = true;
    public bool PrivacyHideName { get; set; }
    public bool PrivacyHideNumber { get; set; }

    /// <summary>The caller id as the profile was created, for show channels' initial_* columns.</summary>
    public string? InitialCallerIdName { get; set; }
    public string? InitialCallerIdNumber { get; set; }
    public string? InitialNetworkAddr { get; set; }
    public string? InitialDestinationNumber { get; set; }
}
