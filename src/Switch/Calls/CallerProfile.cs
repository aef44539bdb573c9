namespace Switch.Calls;

/// <summary>
/// A leg's caller profile (switch_caller_profile_t): who calls whom, from where, and the times the leg went
/// through (microseconds since the Unix epoch, 0 when not reached). Printed as the Caller-* block of every
/// channel event and as Other-Leg-* on the peer. Owned by its channel and changed only on its call's mailbox.
/// The fields a call seldom sets (transfer, hold, ANI II, profile index) take room only once one is set; the
/// calling party's fields are one <see cref="CallingParty"/> shared with the other leg and the caller's other
/// calls (setting one of them gives this profile a party of its own).
/// </summary>
internal sealed class CallerProfile
{
    private CallingParty _party;

    public CallerProfile()
        : this(CallingParty.Empty)
    {
    }

    public CallerProfile(CallingParty party) => _party = party;

    /// <summary>The calling party's fields as one shared value.</summary>
    public CallingParty Party
    {
        get => _party;
        set => _party = value;
    }

    public CallDirection Direction { get; set; }
    public CallDirection LogicalDirection { get; set; }

    public string? Username
    {
        get => _party.Username;
        set
        {
            if (!string.Equals(_party.Username, value, StringComparison.Ordinal))
            {
                _party = _party with { Username = value };
            }
        }
    }

    public string? Dialplan
    {
        get => _party.Dialplan;
        set
        {
            if (!string.Equals(_party.Dialplan, value, StringComparison.Ordinal))
            {
                _party = _party with { Dialplan = value };
            }
        }
    }

    public string? CallerIdName
    {
        get => _party.CallerIdName;
        set
        {
            if (!string.Equals(_party.CallerIdName, value, StringComparison.Ordinal))
            {
                _party = _party with { CallerIdName = value };
            }
        }
    }

    public string? CallerIdNumber
    {
        get => _party.CallerIdNumber;
        set
        {
            if (!string.Equals(_party.CallerIdNumber, value, StringComparison.Ordinal))
            {
                _party = _party with { CallerIdNumber = value };
            }
        }
    }

    public string? OrigCallerIdName
    {
        get => _party.OrigCallerIdName;
        set
        {
            if (!string.Equals(_party.OrigCallerIdName, value, StringComparison.Ordinal))
            {
                _party = _party with { OrigCallerIdName = value };
            }
        }
    }

    public string? OrigCallerIdNumber
    {
        get => _party.OrigCallerIdNumber;
        set
        {
            if (!string.Equals(_party.OrigCallerIdNumber, value, StringComparison.Ordinal))
            {
                _party = _party with { OrigCallerIdNumber = value };
            }
        }
    }

    public string? CalleeIdName { get; set; }
    public string? CalleeIdNumber { get; set; }

    public string? NetworkAddr
    {
        get => _party.NetworkAddr;
        set
        {
            if (!string.Equals(_party.NetworkAddr, value, StringComparison.Ordinal))
            {
                _party = _party with { NetworkAddr = value };
            }
        }
    }

    public string? Ani
    {
        get => _party.Ani;
        set
        {
            if (!string.Equals(_party.Ani, value, StringComparison.Ordinal))
            {
                _party = _party with { Ani = value };
            }
        }
    }

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

    public string? Source
    {
        get => _party.Source;
        set
        {
            if (!string.Equals(_party.Source, value, StringComparison.Ordinal))
            {
                _party = _party with { Source = value };
            }
        }
    }

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
    public string? Context
    {
        get => _party.Context;
        set
        {
            if (!string.Equals(_party.Context, value, StringComparison.Ordinal))
            {
                _party = _party with { Context = value };
            }
        }
    }

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
    public string? InitialCallerIdName
    {
        get => _party.InitialCallerIdName;
        set
        {
            if (!string.Equals(_party.InitialCallerIdName, value, StringComparison.Ordinal))
            {
                _party = _party with { InitialCallerIdName = value };
            }
        }
    }

    public string? InitialCallerIdNumber
    {
        get => _party.InitialCallerIdNumber;
        set
        {
            if (!string.Equals(_party.InitialCallerIdNumber, value, StringComparison.Ordinal))
            {
                _party = _party with { InitialCallerIdNumber = value };
            }
        }
    }

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
