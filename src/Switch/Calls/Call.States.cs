namespace Switch.Calls;

/// <summary>Leg creation, states, call states, ringing, early media and answer, each with FreeSWITCH's events.</summary>
internal sealed partial class Call
{
    /// <summary>
    /// Announces a new inbound leg in FreeSWITCH's order (§6.8): STATE CS_INIT, CREATE, CALLSTATE RINGING,
    /// STATE CS_ROUTING, STATE CS_EXECUTE, then parks it (EXECUTE park, PARK).
    /// </summary>
    internal ValueTask AnnounceInboundAsync(Channel leg)
    {
        EnterState(leg, ChannelState.Init);
        Fire(ChannelEventNames.Create, leg);
        SetCallState(leg, CallState.Ringing);
        EnterState(leg, ChannelState.Routing);
        EnterState(leg, ChannelState.Execute);
        var park = new ApplicationRun(ApplicationNames.Park, null, null, null);
        return EnqueueApplicationAsync(leg, park);
    }

    /// <summary>
    /// Announces a new outbound leg (§6.8): OUTGOING, STATE CS_INIT, CREATE, ORIGINATE, STATE CS_ROUTING,
    /// STATE CS_CONSUME_MEDIA (waiting for the answer).
    /// </summary>
    internal void AnnounceOutbound(Channel leg)
    {
        Fire(ChannelEventNames.Outgoing, leg);
        EnterState(leg, ChannelState.Init);
        Fire(ChannelEventNames.Create, leg);
        Fire(ChannelEventNames.Originate, leg);
        EnterState(leg, ChannelState.Routing);
        EnterState(leg, ChannelState.ConsumeMedia);
    }

    internal void EnterState(Channel leg, ChannelState state)
    {
        leg.SetState(state);
        Fire(ChannelEventNames.State, leg);
    }

    /// <summary>Changes the call state and fires CHANNEL_CALLSTATE, only on a real change and never after HANGUP.</summary>
    internal void SetCallState(Channel leg, CallState state)
    {
        var original = leg.CallState;
        if (original == state || original == CallState.Hangup)
        {
            return;
        }
        leg.CallState = state;
        if (Events.Wants(ChannelEventNames.CallState))
        {
            Publish(ChannelEvents.CallStateChanged(leg, original));
        }
    }

    internal void Fire(string eventName, Channel leg)
    {
        if (Events.Wants(eventName))
        {
            Publish(ChannelEvents.Create(eventName, leg));
        }
    }

    /// <summary>Answers an inbound leg (200 OK): CHANNEL_ANSWER, then CALLSTATE ACTIVE. True when the leg is answered afterwards.</summary>
    internal async ValueTask<bool> AnswerAsync(Channel leg, Channel? peer = null)
    {
        if (leg.IsHungUp)
        {
            return false;
        }
        if (leg.IsAnswered)
        {
            return true;
        }
        if (leg.Direction == CallDirection.Outbound)
        {
            return false;
        }
        if (!await leg.Signaling.AnswerAsync(peer?.Signaling, CancellationToken.None).ConfigureAwait(false))
        {
            // The far end may have gone first (a CANCEL crossing our answer): then its cause stands.
            var farEnd = leg.Signaling.FarEndCause;
            await HangupAsync(leg, farEnd ?? HangupCause.IncompatibleDestination, byFarEnd: farEnd is not null).ConfigureAwait(false);
            return false;
        }
        ApplyVariables(leg, leg.Signaling.TakeVariables());
        MarkAnswered(leg);
        return true;
    }

    /// <summary>
    /// Sends 183 with media on an inbound leg: CHANNEL_PROGRESS_MEDIA, then CALLSTATE EARLY. The leg hears the
    /// ringing <paramref name="peer"/>'s early media, or the switch's ringback when the peer has none or
    /// <paramref name="ringbackOnly"/> (ignore_early_media=true).
    /// </summary>
    internal async ValueTask<bool> PreAnswerAsync(Channel leg, Channel? peer = null, bool ringbackOnly = false)
    {
        if (leg.IsHungUp || leg.Direction == CallDirection.Outbound)
        {
            return false;
        }
        if (leg.IsAnswered)
        {
            return true;
        }
        if (leg.HasEarlyMedia)
        {
            // Already in early media (our ringback): let the protocol side switch to the peer's early media.
            if (peer is not null && !ringbackOnly)
            {
                await leg.Signaling.PreAnswerAsync(peer.Signaling, CancellationToken.None).ConfigureAwait(false);
            }
            return true;
        }
        leg.Signaling.UseRingback(leg.Variables["ringback"]);
        var preAnswered = ringbackOnly
            ? await leg.Signaling.PreAnswerWithRingbackAsync(peer?.Signaling, CancellationToken.None).ConfigureAwait(false)
            : await leg.Signaling.PreAnswerAsync(peer?.Signaling, CancellationToken.None).ConfigureAwait(false);
        if (!preAnswered)
        {
            return false;
        }
        ApplyVariables(leg, leg.Signaling.TakeVariables());
        MarkEarlyMedia(leg);
        return true;
    }

    /// <summary>Sends 180 on an inbound leg: CHANNEL_PROGRESS (the call state is already RINGING).</summary>
    internal async ValueTask<bool> RingReadyAsync(Channel leg)
    {
        if (leg.IsHungUp || leg.Direction == CallDirection.Outbound)
        {
            return false;
        }
        if (leg.IsAnswered || leg.HasEarlyMedia || leg.HasProgress)
        {
            return true;
        }
        await leg.Signaling.RingAsync(CancellationToken.None).ConfigureAwait(false);
        MarkProgress(leg);
        return true;
    }

    internal void MarkProgress(Channel leg)
    {
        if (leg.HasProgress || leg.IsAnswered || leg.IsHungUp)
        {
            return;
        }
        leg.HasProgress = true;
        leg.Profile.ProgressTime = Now;
        Fire(ChannelEventNames.Progress, leg);
        SetCallState(leg, CallState.Ringing);
    }

    internal void MarkEarlyMedia(Channel leg)
    {
        if (leg.HasEarlyMedia || leg.IsAnswered || leg.IsHungUp)
        {
            return;
        }
        leg.HasEarlyMedia = true;
        leg.Profile.ProgressMediaTime = Now;
        leg.Variables.Set("endpoint_disposition", "EARLY MEDIA");
        Fire(ChannelEventNames.ProgressMedia, leg);
        SetCallState(leg, CallState.Early);
    }

    /// <summary>CHANNEL_ANSWER is fired before the call state moves to ACTIVE, as FreeSWITCH does.</summary>
    internal void MarkAnswered(Channel leg)
    {
        if (leg.IsAnswered || leg.IsHungUp)
        {
            return;
        }
        leg.IsAnswered = true;
        leg.Profile.AnsweredTime = Now;
        leg.Variables.Set("endpoint_disposition", "ANSWER");
        Fire(ChannelEventNames.Answer, leg);
        SetCallState(leg, CallState.Active);
    }

    internal static void ApplyVariables(Channel leg, IReadOnlyList<KeyValuePair<string, string>>? variables)
    {
        if (variables is null)
        {
            return;
        }
        foreach (var (name, value) in variables)
        {
            leg.Variables.Set(name, value);
        }
        leg.SyncCodecsFromVariables();
    }
}
