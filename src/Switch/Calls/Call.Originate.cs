using System.Globalization;

namespace Switch.Calls;

/// <summary>
/// Originate (switch_ivr_originate): ring the targets of a dial string, '|' groups one after another, ','
/// targets of a group at once; the first answer wins and the other forks are cancelled with LOSE_RACE.
/// </summary>
internal sealed partial class Call
{
    /// <summary>
    /// FreeSWITCH's early-media policy variable: unset, the caller hears the far end's early media (183 with
    /// SDP) or, for a plain 180, the switch's 183 and ringback; <c>true</c> always the switch's ringback;
    /// <c>ring_ready</c> only a plain 180 (no SDP, no ringback, early media not relayed).
    /// </summary>
    private const string IgnoreEarlyMedia = "ignore_early_media";

    private const string RingReadyOnly = "ring_ready";

    /// <summary>Starts an originate whose legs this call will own.</summary>
    internal ValueTask StartOriginateAsync(OriginateSession session)
    {
        if (session.Caller is { } caller)
        {
            caller.OwnSession = session;
        }
        session.PendingUuid ??= session.Dial.GetVariable("origination_uuid");
        return DialNextGroupAsync(session);
    }

    private async ValueTask DialNextGroupAsync(OriginateSession session)
    {
        while (!session.Done && ++session.GroupIndex < session.Dial.Groups.Count)
        {
            var group = session.Dial.Groups[session.GroupIndex];
            foreach (var target in group.Targets)
            {
                if (session.Done)
                {
                    return;
                }
                await DialTargetAsync(session, target).ConfigureAwait(false);
            }
            if (session.Ringing.Count > 0)
            {
                ArmGroupTimer(session);
                return;
            }
        }
        if (!session.Done)
        {
            await FinishOriginateAsync(session, new OriginateOutcome(null, session.LastFailure)).ConfigureAwait(false);
        }
    }

    private async ValueTask DialTargetAsync(OriginateSession session, DialTarget target)
    {
        if (target.Endpoint is ErrorEndpoint error)
        {
            session.LastFailure = error.Cause;
            return;
        }
        DialResolution resolution;
        try
        {
            resolution = await _engine.Dialer.ResolveAsync(target.Endpoint, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            CallLog.DialFailed(_engine.Logger, ex, target.Endpoint.ToString());
            session.LastFailure = HangupCause.DestinationOutOfOrder;
            return;
        }
        if (resolution.Contacts.Count == 0)
        {
            session.LastFailure = resolution.Failure == HangupCause.None ? HangupCause.UnallocatedNumber : resolution.Failure;
            return;
        }
        foreach (var contact in resolution.Contacts)
        {
            await StartDialedLegAsync(session, target, contact).ConfigureAwait(false);
        }
    }

    private async ValueTask StartDialedLegAsync(OriginateSession session, DialTarget target, DialContact contact)
    {
        var caller = session.Caller;
        var variables = new List<KeyValuePair<string, string>>();
        if (caller is not null)
        {
            variables.AddRange(caller.Variables.Exported());
        }
        variables.AddRange(session.Dial.Variables);
        variables.AddRange(target.Variables);

        var uuid = target.GetVariable("origination_uuid") ?? session.PendingUuid ?? Guid.NewGuid().ToString();
        session.PendingUuid = null;
        var options = _engine.Options;
        var callerIdName = DialTarget.Find(variables, "origination_caller_id_name")
            ?? session.CallerIdName ?? caller?.Variables["effective_caller_id_name"] ?? caller?.Profile.CallerIdName
            ?? options.DefaultCallerIdName;
        var callerIdNumber = DialTarget.Find(variables, "origination_caller_id_number")
            ?? session.CallerIdNumber ?? caller?.Variables["effective_caller_id_number"] ?? caller?.Profile.CallerIdNumber
            ?? options.DefaultCallerIdNumber;
        var now = Now;
        var party = new CallingParty(
            Username: caller?.Profile.Username,
            Dialplan: "XML",
            Source: "mod_sofia",
            Context: "default",
            CallerIdName: callerIdName,
            CallerIdNumber: callerIdNumber,
            OrigCallerIdName: caller?.Profile.CallerIdName,
            OrigCallerIdNumber: caller?.Profile.CallerIdNumber,
            Ani: callerIdNumber,
            NetworkAddr: caller?.Profile.NetworkAddr,
            InitialCallerIdName: callerIdName,
            InitialCallerIdNumber: callerIdNumber);
        // The b-leg presents the caller's party as it is in the usual case: then both legs keep one.
        party = caller?.Profile.Party is { } callers && callers.Equals(party) ? callers : _engine.Parties.Share(party);
        var profile = new CallerProfile(party)
        {
            CalleeIdName = "Outbound Call",
            CalleeIdNumber = contact.DestinationNumber,
            DestinationNumber = contact.DestinationNumber,
            Rdnis = caller?.Profile.DestinationNumber,
            ProfileCreatedTime = now,
            CreatedTime = now,
            InitialDestinationNumber = contact.DestinationNumber,
        };

        ILegSignaling signaling;
        try
        {
            var bypass = ChannelVariables.IsTrueValue(DialTarget.Find(variables, "bypass_media"))
                || (caller?.Variables.IsTrue("bypass_media") ?? false);
            signaling = _engine.Dialer.CreateLeg(new OutboundLegRequest(uuid, contact, callerIdName, callerIdNumber, variables,
                caller?.Signaling, bypass));
        }
        catch (Exception ex)
        {
            CallLog.DialFailed(_engine.Logger, ex, contact.ChannelName);
            session.LastFailure = HangupCause.DestinationOutOfOrder;
            return;
        }
        var leg = new Channel(uuid, contact.ChannelName, CallDirection.Outbound, profile, signaling) { HitDialplan = false };
        if (!AddLeg(leg))
        {
            session.LastFailure = HangupCause.NormalTemporaryFailure;
            return;
        }
        leg.Variables.EnsureCapacity(leg.Variables.Count + variables.Count + Channel.VariablesAddedByACall);
        foreach (var (name, value) in variables)
        {
            leg.Variables.Set(name, value);
        }
        if (caller is not null)
        {
            leg.OtherLegProfile = caller.Profile;
            leg.OtherLegType = OtherLegType.Originator;
            leg.Variables.Set("originator", caller.Uuid);
        }
        leg.DialingSession = session;
        session.Ringing.Add(leg);
        AnnounceOutbound(leg);

        if (TryReadSeconds(target.GetVariable("leg_timeout"), out var legTimeout))
        {
            leg.LegTimer = StartLegTimer(legTimeout, leg.Uuid, static (call, l, timer) => call.OnLegTimeoutAsync(l, timer));
        }
        try
        {
            await signaling.InviteAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            CallLog.SignalingFailed(_engine.Logger, ex, leg.Uuid, "invite");
            // Not by the far end: the protocol side still has to release what it allocated (media port, leg registration).
            await HangupAsync(leg, HangupCause.NormalTemporaryFailure).ConfigureAwait(false);
        }
    }

    /// <summary>The ring timeout of the current group: originate_timeout, call_timeout, the caller's call_timeout, the default.</summary>
    private void ArmGroupTimer(OriginateSession session)
    {
        session.GroupTimer?.Dispose();
        var timeout = TryReadSeconds(session.Dial.GetVariable("originate_timeout"), out var t1) ? t1
            : TryReadSeconds(session.Dial.GetVariable("call_timeout"), out var t2) ? t2
            : session.Caller is not null && TryReadSeconds(session.Caller.Variables["call_timeout"], out var t3) ? t3
            : session.DefaultTimeout ?? _engine.Options.DefaultRingTimeout;
        var box = new TimerBox();
        box.Timer = Time.CreateTimer(static state =>
        {
            var (call, session, box) = ((Call, OriginateSession, TimerBox))state!;
            call.Post(c => c.OnGroupTimeoutAsync(session, box.Timer!));
        }, (this, session, box), timeout, Timeout.InfiniteTimeSpan);
        session.GroupTimer = box.Timer;
    }

    private async ValueTask OnGroupTimeoutAsync(OriginateSession session, ITimer timer)
    {
        if (session.Done || !ReferenceEquals(session.GroupTimer, timer))
        {
            return;
        }
        session.GroupTimer = null;
        timer.Dispose();
        foreach (var leg in session.Ringing.ToArray())
        {
            await HangupAsync(leg, HangupCause.NoAnswer).ConfigureAwait(false);
        }
    }

    private async ValueTask OnLegTimeoutAsync(Channel leg, ITimer timer)
    {
        if (!ReferenceEquals(leg.LegTimer, timer))
        {
            return;
        }
        leg.LegTimer = null;
        timer.Dispose();
        if (!leg.IsAnswered)
        {
            await HangupAsync(leg, HangupCause.NoAnswer).ConfigureAwait(false);
        }
    }

    /// <summary>An outbound leg rings (180) or has early media (183); ringing is relayed to an unanswered inbound caller.</summary>
    internal async ValueTask OnLegProgressAsync(Channel leg, bool earlyMedia, IReadOnlyList<KeyValuePair<string, string>>? variables)
    {
        if (leg.IsHungUp || leg.IsAnswered)
        {
            return;
        }
        ApplyVariables(leg, variables);
        if (earlyMedia)
        {
            MarkEarlyMedia(leg);
        }
        else
        {
            MarkProgress(leg);
        }
        if (leg.DialingSession is not { Done: false, Caller: { } caller }
            || caller.IsHungUp || caller.IsAnswered || caller.Direction != CallDirection.Inbound)
        {
            return;
        }
        var policy = EarlyMediaPolicyOf(caller, leg);
        if (string.Equals(policy, RingReadyOnly, StringComparison.OrdinalIgnoreCase))
        {
            // ignore_early_media=ring_ready: the caller only ever hears a plain 180 from the far end's progress.
            await RingReadyAsync(caller).ConfigureAwait(false);
        }
        else if (earlyMedia && !ChannelVariables.IsTrueValue(policy))
        {
            if (!await PreAnswerAsync(caller, leg).ConfigureAwait(false))
            {
                await RingReadyAsync(caller).ConfigureAwait(false);
            }
        }
        else if (!caller.HasEarlyMedia && !caller.HasProgress)
        {
            // FreeSWITCH answers a 180 (or ignored early media) with 183 and its own ringback when it can, else passes the 180 on.
            if (!await PreAnswerAsync(caller, leg, ringbackOnly: true).ConfigureAwait(false))
            {
                await RingReadyAsync(caller).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The <c>ignore_early_media</c> value for this dial: the dialed leg's (dial string, exported) over the caller's.</summary>
    private static string? EarlyMediaPolicyOf(Channel caller, Channel leg) =>
        leg.Variables[IgnoreEarlyMedia] ?? caller.Variables[IgnoreEarlyMedia];

    /// <summary>An outbound leg answered: it wins unless another fork already did (then it loses the race).</summary>
    internal async ValueTask OnLegAnsweredAsync(Channel leg, IReadOnlyList<KeyValuePair<string, string>>? variables)
    {
        if (leg.IsHungUp || leg.IsAnswered)
        {
            return;
        }
        ApplyVariables(leg, variables);
        leg.LegTimer?.Dispose();
        leg.LegTimer = null;
        var session = leg.DialingSession;
        leg.DialingSession = null;
        if (session is not null)
        {
            session.Ringing.Remove(leg);
            if (session.Done)
            {
                await HangupAsync(leg, HangupCause.LoseRace).ConfigureAwait(false);
                return;
            }
        }
        MarkAnswered(leg);
        if (session is null)
        {
            return;
        }
        session.Done = true;
        session.GroupTimer?.Dispose();
        session.GroupTimer = null;
        foreach (var other in session.Ringing.ToArray())
        {
            other.DialingSession = null;
            await HangupAsync(other, HangupCause.LoseRace).ConfigureAwait(false);
        }
        session.Ringing.Clear();
        await FinishOriginateAsync(session, new OriginateOutcome(leg, HangupCause.None)).ConfigureAwait(false);
    }

    private async ValueTask OnDialedLegEndedAsync(OriginateSession session, Channel leg, HangupCause cause)
    {
        session.Ringing.Remove(leg);
        if (session.Done)
        {
            return;
        }
        session.LastFailure = cause;
        if (session.Ringing.Count == 0)
        {
            session.GroupTimer?.Dispose();
            session.GroupTimer = null;
            await DialNextGroupAsync(session).ConfigureAwait(false);
        }
    }

    /// <summary>Stops an originate whose caller went away: every ringing leg is cancelled with <paramref name="cause"/>.</summary>
    private async ValueTask AbortOriginateAsync(OriginateSession session, HangupCause cause)
    {
        if (session.Done)
        {
            return;
        }
        session.Done = true;
        session.GroupTimer?.Dispose();
        session.GroupTimer = null;
        foreach (var leg in session.Ringing.ToArray())
        {
            leg.DialingSession = null;
            await HangupAsync(leg, cause).ConfigureAwait(false);
        }
        session.Ringing.Clear();
        await FinishOriginateAsync(session, new OriginateOutcome(null, cause)).ConfigureAwait(false);
    }

    private async ValueTask FinishOriginateAsync(OriginateSession session, OriginateOutcome outcome)
    {
        session.Done = true;
        session.GroupTimer?.Dispose();
        session.GroupTimer = null;
        if (session.Caller is { } caller && ReferenceEquals(caller.OwnSession, session))
        {
            caller.OwnSession = null;
        }
        await session.OnDone(this, outcome).ConfigureAwait(false);
    }

    private static bool TryReadSeconds(string? text, out TimeSpan value)
    {
        value = default;
        if (!int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            return false;
        }
        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The originate command was cancelled by its caller: ringing legs are cancelled.</summary>
    internal ValueTask CancelOriginateAsync(OriginateSession session) =>
        AbortOriginateAsync(session, HangupCause.OriginatorCancel);
}
