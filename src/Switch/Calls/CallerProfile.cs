namespace Switch.Calls;

/// <summary>
/// A leg's caller profile (switch_caller_profile_t): who calls whom, from where, and the times the leg went
/// through (microseconds since the Unix epoch, 0 when not reached). Printed as the Caller-* block of every
/// channel event and as Other-Leg-* on the peer. Owned by its channel and changed only on its call's mailbox.
/// The fields a call seldom sets (transfer, hold, ANI II, profile index) take room only once one is set.
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
    public string? AniIi
    {
        get => _seldom?.AniIi;
        set
        {
            if (value is not null || _seldom is not null)
            {
                (_seldom ??= new SeldomSet()).AniIi = value;
            }
        }
    }
    public string? DestinationNumber { get; set; }
    public string? UniqueId { get; set; }
    public string? Source { get; set; }
    public string? TransferSource
    {
        get => _seldom?.TransferSource;
        set
        {
            if (value is not null || _seldom is not null)
            {
                (_seldom ??= new SeldomSet()).TransferSource = value;
            }
        }
    }
    public string? Context { get; set; }
    public string? Rdnis { get; set; }
    public string? ChannelName { get; set; }
    public string? ProfileIndex
    {
        get => _seldom?.ProfileIndex;
        set
        {
            if (value is not null || _seldom is not null)
            {
                (_seldom ??= new SeldomSet()).ProfileIndex = value;
            }
        }
    }

    public long ProfileCreatedTime { get; set; }
    public long CreatedTime { get; set; }
    public long AnsweredTime { get; set; }
    public long ProgressTime { get; set; }
    public long ProgressMediaTime { get; set; }
    public long HangupTime { get; set; }
    public long TransferTime
    {
        get => _seldom?.TransferTime ?? 0;
        set
        {
            if (value != 0 || _seldom is not null)
            {
                (_seldom ??= new SeldomSet()).TransferTime = value;
            }
        }
    }
    public long ResurrectTime
    {
        get => _seldom?.ResurrectTime ?? 0;
        set
        {
            if (value != 0 || _seldom is not null)
            {
                (_seldom ??= new SeldomSet()).ResurrectTime = value;
            }
        }
    }
    public long BridgedTime { get; set; }
    public long LastHoldTime
    {
        get => _seldom?.LastHoldTime ?? 0;
        set
        {
            if (value != 0 || _seldom is not null)
            {
                (_seldom ??= new SeldomSet()).LastHoldTime = value;
            }
        }
    }
    public long HoldAccumTime
    {
        get => _seldom?.HoldAccumTime ?? 0;
        set
        {
            if (value != 0 || _seldom is not null)
            {
                (_seldom ??= new SeldomSet()).HoldAccumTime = value;
            }
        }
    }

    public bool ScreenBit { get; set; } = true;
    public bool PrivacyHideName { get; set; }
    public bool PrivacyHideNumber { get; set; }

    /// <summary>The caller id as the profile was created, for show channels' initial_* columns.</summary>
    public string? InitialCallerIdName { get; set; }
    public string? InitialCallerIdNumber { get; set; }
    public string? InitialNetworkAddr { get; set; }
    public string? InitialDestinationNumber { get; set; }

    private SeldomSet? _seldom;

    /// <summary>Fields a switch without transfers or hold rarely sets: made when one is, so most profiles keep no room for them.</summary>
    private sealed class SeldomSet
    {
        public string? AniIi { get; set; }
        public string? TransferSource { get; set; }
        public string? ProfileIndex { get; set; }
        public long TransferTime { get; set; }
        public long ResurrectTime { get; set; }
        public long LastHoldTime { get; set; }
        public long HoldAccumTime { get; set; }
    }
}
