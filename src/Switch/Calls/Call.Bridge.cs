namespace Switch.Calls;

/// <summary>Bridging two legs of this call, breaking bridges, and moving a leg between calls for uuid_bridge.</summary>
internal sealed partial class Call
{
    /// <summary>
    /// Bridges <paramref name="a"/> (the requesting leg, Bridge-A) with <paramref name="b"/>: media joined,
    /// Other-Leg profiles and bridge variables set, one CHANNEL_BRIDGE from A, then B (and A for uuid_bridge)
    /// in CS_EXCHANGE_MEDIA. uuid_bridge also takes both legs out of park first.
    /// </summary>
    internal async ValueTask BridgeAsync(Channel a, Channel b, bool uuidBridge)
    {
        if (uuidBridge)
        {
            LeavePark(a);
            LeavePark(b);
        }
        DisarmParkTimer(a);
        DisarmParkTimer(b);
        a.BridgedTo = b;
        b.BridgedTo = a;
        a.IsBridgeOriginator = true;
        b.IsBridgeOriginator = false;
        var now = Now;
        a.Profile.BridgedTime = now;
        b.Profile.BridgedTime = now;
        a.OtherLegProfile = b.Profile;
        a.OtherLegType = OtherLegType.Originatee;
        b.OtherLegProfile = a.Profile;
        b.OtherLegType = OtherLegType.Originator;
        b.Variables.Set("call_uuid", a.CallUuid);
        SetBridgeVariables(a, b, "originator");
        SetBridgeVariables(b, a, "originatee");
        await SignalAsync(a, "bridge", s => s.BridgeAsync(b.Signaling, CancellationToken.None)).ConfigureAwait(false);
        if (Events.Wants(ChannelEventNames.Bridge))
        {
            Publish(ChannelEvents.BridgeChange(ChannelEventNames.Bridge, a, b));
        }
        EnterState(b, ChannelState.ExchangeMedia);
        if (uuidBridge)
        {
            EnterState(a, ChannelState.ExchangeMedia);
        }
    }

    private static void SetBridgeVariables(Channel leg, Channel other, string role)
    {
        leg.Variables.Set("bridge_to", other.Uuid);
        leg.Variables.Set("last_bridge_to", other.Uuid);
        leg.Variables.Set("bridge_channel", other.Name);
        leg.Variables.Set("bridge_uuid", other.Uuid);
        leg.Variables.Set("signal_bond", other.Uuid);
        leg.Variables.Set("last_bridge_role", role);
    }

    /// <summary>Ends a bridge: media split, one CHANNEL_UNBRIDGE carrying the data of the requesting leg.</summary>
    private async ValueTask UnbridgeAsync(Channel x, Channel y)
    {
        var a = x.IsBridgeOriginator ? x : y;
        var b = ReferenceEquals(a, x) ? y : x;
        a.BridgedTo = null;
        b.BridgedTo = null;
        a.IsBridgeOriginator = false;
        a.Variables.Set("bridge_to", null);
        b.Variables.Set("bridge_to", null);
        await SignalAsync(a, "unbridge", s => s.UnbridgeAsync(CancellationToken.None)).ConfigureAwait(false);
        await SignalAsync(b, "unbridge", s => s.UnbridgeAsync(CancellationToken.None)).ConfigureAwait(false);
        if (Events.Wants(ChannelEventNames.Unbridge))
        {
            Publish(ChannelEvents.BridgeChange(ChannelEventNames.Unbridge, a, b));
        }
    }

    /// <summary>Breaks the leg's current bridge; the leg's own bridge application completes and the old peer is handled as a survivor.</summary>
    private async ValueTask BreakBridgeAsync(Channel leg)
    {
        if (leg.BridgedTo is not { } old)
        {
            return;
        }
        await UnbridgeAsync(leg, old).ConfigureAwait(false);
        if (leg.RunningApplication is { Name: ApplicationNames.Bridge } bridge)
        {
            FinishApplication(leg, bridge, null);
        }
        await AfterBridgeAsync(old, HangupCause.NormalClearing).ConfigureAwait(false);
    }

    /// <summary>uuid_bridge with both legs in this call. Returns the uuid bridged to, or null when it could not be done.</summary>
    internal async ValueTask<string?> UuidBridgeLocalAsync(Channel a, string otherUuid)
    {
        var b = FindLeg(otherUuid);
        if (b is null || ReferenceEquals(a, b) || !CanBeBridged(a) || !CanBeBridged(b))
        {
            return null;
        }
        if (ReferenceEquals(a.BridgedTo, b))
        {
            return b.Uuid;
        }
        await BreakBridgeAsync(a).ConfigureAwait(false);
        await BreakBridgeAsync(b).ConfigureAwait(false);
        if (a.IsHungUp || b.IsHungUp || !await AnswerAsync(a, b).ConfigureAwait(false) || !await AnswerAsync(b, a).ConfigureAwait(false))
        {
            return null;
        }
        await BridgeAsync(a, b, uuidBridge: true).ConfigureAwait(false);
        return b.Uuid;
    }

    /// <summary>A leg can join a uuid_bridge when it is up, answered or answerable (inbound), and not in an originate.</summary>
    private static bool CanBeBridged(Channel leg) =>
        !leg.IsHungUp && leg.DialingSession is null && leg.OwnSession is null
        && (leg.IsAnswered || leg.Direction == CallDirection.Inbound);

    /// <summary>
    /// Hands a leg over to <paramref name="target"/> (on this call's mailbox): its bridge here is broken, it
    /// leaves this call, and the target adopts it before any later work for the leg reaches the target.
    /// </summary>
    internal async ValueTask<bool> TryMoveLegAsync(Channel leg, Call target)
    {
        if (ReferenceEquals(target, this))
        {
            return true;
        }
        if (!CanBeBridged(leg))
        {
            return false;
        }
        await BreakBridgeAsync(leg).ConfigureAwait(false);
        if (leg.IsHungUp)
        {
            return false;
        }
        _legs.Remove(leg);
        if (!target.Post(call => call.AdoptAsync(leg)))
        {
            _legs.Add(leg);
            return false;
        }
        leg.Call = target;
        return true;
    }

    private ValueTask AdoptAsync(Channel leg)
    {
        if (_closed)
        {
            // This call ended while the leg was on its way: give the leg a call of its own.
            _engine.Rehome(leg);
            return ValueTask.CompletedTask;
        }
        _legs.Add(leg);
        leg.Call = this;
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts a call around a leg that has no owner any more.</summary>
    internal void TakeOrphan(Channel leg)
    {
        _legs.Add(leg);
        leg.Call = this;
    }
}
