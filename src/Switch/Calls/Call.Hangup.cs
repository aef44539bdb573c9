using System.Globalization;

namespace Switch.Calls;

/// <summary>Hangup and teardown, in FreeSWITCH's event order, and what a hangup does to bridges and originates.</summary>
internal sealed partial class Call
{
    /// <summary>
    /// Ends a leg. Fires CHANNEL_HANGUP, ends the leg's signaling (unless the far end ended it), cancels the
    /// originate it runs, breaks its bridge (CHANNEL_UNBRIDGE), completes its applications, then the
    /// teardown tail: STATE CS_HANGUP, CALLSTATE HANGUP, STATE CS_REPORTING, HANGUP_COMPLETE, DESTROY,
    /// STATE CS_DESTROY. Afterwards the bridge peer and the originate ringing this leg react.
    /// </summary>
    /// <summary>About how many variables a hangup adds to a leg before its media statistics: the causes, the signaling's few, billing.</summary>
    private const int VariablesAddedByHangup = ChannelBilling.VariableCount + 8;

    internal async ValueTask HangupAsync(Channel leg, HangupCause cause, bool byFarEnd = false,
        IReadOnlyList<KeyValuePair<string, string>>? variables = null)
    {
        if (leg.IsHungUp)
        {
            return;
        }
        leg.HangupCause = cause;
        leg.EndedByFarEnd = byFarEnd;
        leg.Profile.HangupTime = Now;
        leg.RequestState(ChannelState.Hangup);
        // Room once for everything the teardown adds (causes, the signaling's, billing), not step by step.
        leg.Variables.EnsureCapacity(leg.Variables.Count + (variables?.Count ?? 0) + VariablesAddedByHangup);
        ApplyVariables(leg, variables);
        var causeName = HangupCauses.ToName(cause);
        leg.Variables.Set("hangup_cause", causeName);
        leg.Variables.Set("hangup_cause_q850", HangupCauses.ToQ850(cause).ToString(CultureInfo.InvariantCulture));
        CallLog.Hangup(_engine.Logger, leg.Name, leg.Uuid, causeName);
        Fire(ChannelEventNames.Hangup, leg);
        DisarmParkTimer(leg);
        leg.LegTimer?.Dispose();
        leg.LegTimer = null;

        if (!byFarEnd)
        {
            await SignalAsync(leg, "hangup", s => s.HangupAsync(cause, CancellationToken.None)).ConfigureAwait(false);
        }

        if (leg.OwnSession is { } own)
        {
            await AbortOriginateAsync(own, HangupCause.OriginatorCancel).ConfigureAwait(false);
        }

        var peer = leg.BridgedTo;
        if (peer is not null)
        {
            peer.Variables.Set("bridge_hangup_cause", causeName);
            peer.Variables.Set("last_bridge_hangup_cause", causeName);
            await UnbridgeAsync(leg, peer).ConfigureAwait(false);
        }

        StopRecording(leg, "hangup");
        CancelDigitRead(leg);
        if (leg.RunningApplication is { } running)
        {
            if (running.Name is ApplicationNames.Playback or ApplicationNames.EndlessPlayback)
            {
                leg.Signaling.StopPlayback();
            }
            else if (running.Name == ApplicationNames.Echo)
            {
                leg.Signaling.StopEcho();
            }
            FinishApplication(leg, running, null);
        }
        LeavePark(leg);
        while (leg.TryTakePendingApplication(out var pending))
        {
            pending.Drop();
        }

        EnterState(leg, ChannelState.Hangup);
        SetCallState(leg, CallState.Hangup);
        var statistics = leg.Signaling.TakeMediaStatistics();
        leg.Variables.EnsureCapacity(leg.Variables.Count + ChannelBilling.VariableCount + (statistics?.Count ?? 0));
        ChannelBilling.Write(leg, Time.LocalTimeZone);
        EnterState(leg, ChannelState.Reporting);
        ApplyVariables(leg, statistics);
        if (Events.Wants(ChannelEventNames.HangupComplete))
        {
            Publish(ChannelEvents.HangupComplete(leg));
        }
        Fire(ChannelEventNames.Destroy, leg);
        EnterState(leg, ChannelState.Destroy);
        _legs.Remove(leg);
        _engine.Registry.Remove(leg);

        if (peer is not null)
        {
            await AfterBridgeAsync(peer, cause).ConfigureAwait(false);
        }
        if (leg.DialingSession is { } session)
        {
            leg.DialingSession = null;
            await OnDialedLegEndedAsync(session, leg, cause).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What happens to the leg left behind when its bridge ends: park_after_bridge=true parks it;
    /// hangup_after_bridge=false keeps it up, back in park; otherwise it hangs up with the peer's cause.
    /// A bridge application it was running completes either way.
    /// </summary>
    internal async ValueTask AfterBridgeAsync(Channel survivor, HangupCause peerCause)
    {
        if (survivor.IsHungUp)
        {
            return;
        }
        var parkAfter = survivor.Variables.IsTrue("park_after_bridge");
        if (!parkAfter && !survivor.Variables.IsFalse("hangup_after_bridge"))
        {
            await HangupAsync(survivor, peerCause).ConfigureAwait(false);
            return;
        }
        if (survivor.RunningApplication is { Name: ApplicationNames.Bridge } bridge)
        {
            FinishApplication(survivor, bridge, null);
        }
        ParkLeg(survivor);
    }

    /// <summary>Runs a signaling call, logging (not propagating) a failure of the protocol side.</summary>
    private async ValueTask SignalAsync(Channel leg, string operation, Func<ILegSignaling, ValueTask> action)
    {
        try
        {
            await action(leg.Signaling).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            CallLog.SignalingFailed(_engine.Logger, ex, leg.Uuid, operation);
        }
    }
}
