namespace Switch.Calls;

/// <summary>
/// One run of switch_ivr_originate: the groups of a dial string tried in turn, the legs of the current group
/// ringing at once, the first answer winning. Driven by its call's mailbox; <see cref="Caller"/> is the
/// a-leg of a bridge application, or null for the originate command.
/// </summary>
internal sealed class OriginateSession(Channel? caller, DialString dial, Func<Call, OriginateOutcome, ValueTask> onDone)
{
    public Channel? Caller { get; } = caller;
    public DialString Dial { get; } = dial;
    public Func<Call, OriginateOutcome, ValueTask> OnDone { get; } = onDone;

    /// <summary>The index of the '|' group being rung.</summary>
    public int GroupIndex { get; set; } = -1;

    /// <summary>Legs of the current group still ringing.</summary>
    public List<Channel> Ringing { get; } = [];

    /// <summary>The cause to report if nothing answers.</summary>
    public HangupCause LastFailure { get; set; } = HangupCause.NoAnswer;

    /// <summary>Set once a winner is chosen or the session failed or was aborted; late events are then ignored.</summary>
    public bool Done { get; set; }

    /// <summary>The uuid the first leg must take (origination_uuid), consumed when used.</summary>
    public string? PendingUuid { get; set; }

    public ITimer? GroupTimer { get; set; }

    /// <summary>Caller id for the legs when no origination_caller_id_name is set (the originate command's cid_name argument).</summary>
    public string? CallerIdName { get; set; }

    /// <summary>Caller id number for the legs when no origination_caller_id_number is set.</summary>
    public string? CallerIdNumber { get; set; }

    /// <summary>The ring timeout when the dial string and caller set none (the originate command's timeout argument).</summary>
    public TimeSpan? DefaultTimeout { get; set; }
}

/// <summary>The end of an originate: the answered leg, or the cause nothing answered.</summary>
internal readonly record struct OriginateOutcome(Channel? Winner, HangupCause Cause)
{
    public bool Succeeded => Winner is not null;
}
