namespace Switch.Calls;

/// <summary>
/// The values of a <see cref="CallerProfile"/> that its header block prints, copied at one moment: a block built
/// from equal fields is the same block, so a cached one is reused while they stay equal.
/// </summary>
internal readonly record struct ProfileFields(
    CallDirection Direction, CallDirection LogicalDirection,
    string? Username, string? Dialplan, string? CallerIdName, string? CallerIdNumber, string? OrigCallerIdName,
    string? OrigCallerIdNumber, string? CalleeIdName, string? CalleeIdNumber, string? NetworkAddr, string? Ani, string? AniIi,
    string? DestinationNumber, string? UniqueId, string? Source, string? TransferSource, string? Context, string? Rdnis,
    string? ChannelName, string? ProfileIndex,
    long ProfileCreatedTime, long CreatedTime, long AnsweredTime, long ProgressTime, long ProgressMediaTime, long HangupTime,
    long TransferTime, long ResurrectTime, long BridgedTime, long LastHoldTime, long HoldAccumTime,
    bool ScreenBit, bool PrivacyHideName, bool PrivacyHideNumber)
{
    /// <summary>How many time headers the block has, one after the other (Profile-Created-Time .. Channel-Hold-Accum).</summary>
    public const int TimeCount = 11;

    public static ProfileFields Of(CallerProfile p) => new(
        p.Direction, p.LogicalDirection,
        p.Username, p.Dialplan, p.CallerIdName, p.CallerIdNumber, p.OrigCallerIdName,
        p.OrigCallerIdNumber, p.CalleeIdName, p.CalleeIdNumber, p.NetworkAddr, p.Ani, p.AniIi,
        p.DestinationNumber, p.UniqueId, p.Source, p.TransferSource, p.Context, p.Rdnis,
        p.ChannelName, p.ProfileIndex,
        p.ProfileCreatedTime, p.CreatedTime, p.AnsweredTime, p.ProgressTime, p.ProgressMediaTime, p.HangupTime,
        p.TransferTime, p.ResurrectTime, p.BridgedTime, p.LastHoldTime, p.HoldAccumTime,
        p.ScreenBit, p.PrivacyHideName, p.PrivacyHideNumber);

    /// <summary>Time number <paramref name="index"/> in header order (0: Profile-Created-Time .. 10: Channel-Hold-Accum).</summary>
    public long TimeAt(int index) => index switch
    {
        0 => ProfileCreatedTime,
        1 => CreatedTime,
        2 => AnsweredTime,
        3 => ProgressTime,
        4 => ProgressMediaTime,
        5 => HangupTime,
        6 => TransferTime,
        7 => ResurrectTime,
        8 => BridgedTime,
        9 => LastHoldTime,
        _ => HoldAccumTime,
    };
}
