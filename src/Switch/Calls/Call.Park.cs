using System.Globalization;

namespace Switch.Calls;

/// <summary>Park: the resting state of a channel waiting for commands, with its idle timeout.</summary>
internal sealed partial class Call
{
    /// <summary>The park application: CHANNEL_PARK; it completes (EXECUTE_COMPLETE park) when the channel leaves park.</summary>
    private void StartParkApplication(Channel leg, ApplicationRun run)
    {
        leg.RunningApplication = null;
        if (leg.IsParked)
        {
            FinishApplication(leg, run, null);
            return;
        }
        leg.IsParked = true;
        leg.ParkApplication = run;
        Fire(ChannelEventNames.Park, leg);
        ArmParkTimer(leg);
    }

    /// <summary>Parks a leg outside any application (uuid_park, park_after_bridge): STATE CS_PARK, CHANNEL_PARK.</summary>
    internal void ParkLeg(Channel leg)
    {
        if (leg.IsHungUp)
        {
            return;
        }
        if (!leg.IsParked)
        {
            EnterState(leg, ChannelState.Park);
            leg.IsParked = true;
            Fire(ChannelEventNames.Park, leg);
        }
        ArmParkTimer(leg);
    }

    /// <summary>Takes a leg out of park: CHANNEL_UNPARK, then EXECUTE_COMPLETE of the park application if one ran.</summary>
    internal void LeavePark(Channel leg)
    {
        if (!leg.IsParked)
        {
            return;
        }
        leg.IsParked = false;
        DisarmParkTimer(leg);
        Fire(ChannelEventNames.Unpark, leg);
        if (leg.ParkApplication is { } park)
        {
            leg.ParkApplication = null;
            FinishApplication(leg, park, null);
        }
    }

    /// <summary>Starts the idle timer of a leg resting in park (park_timeout variable, else the configured default).</summary>
    internal void ArmParkTimer(Channel leg)
    {
        DisarmParkTimer(leg);
        if (!leg.IsIdleInPark)
        {
            return;
        }
        var (timeout, _) = ParkTimeoutOf(leg);
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }
        leg.ParkTimer = StartLegTimer(timeout, leg.Uuid, static (call, l, timer) => call.OnParkTimeoutAsync(l, timer));
    }

    internal static void DisarmParkTimer(Channel leg)
    {
        leg.ParkTimer?.Dispose();
        leg.ParkTimer = null;
    }

    private async ValueTask OnParkTimeoutAsync(Channel leg, ITimer timer)
    {
        if (!ReferenceEquals(leg.ParkTimer, timer))
        {
            return;
        }
        leg.ParkTimer = null;
        timer.Dispose();
        if (!leg.IsIdleInPark)
        {
            return;
        }
        var (timeout, cause) = ParkTimeoutOf(leg);
        CallLog.ParkTimeout(_engine.Logger, leg.Name, leg.Uuid, timeout.TotalSeconds, HangupCauses.ToName(cause));
        await HangupAsync(leg, cause).ConfigureAwait(false);
    }

    /// <summary>park_timeout is "seconds" or "seconds:CAUSE"; 0 disables; unset or unparsable uses the options.</summary>
    private (TimeSpan Timeout, HangupCause Cause) ParkTimeoutOf(Channel leg)
    {
        var options = _engine.Options;
        var text = leg.Variables["park_timeout"];
        if (string.IsNullOrEmpty(text))
        {
            return (options.ParkTimeout, options.ParkTimeoutCause);
        }
        var colon = text.IndexOf(':');
        var secondsText = colon < 0 ? text : text[..colon];
        if (!int.TryParse(secondsText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return (options.ParkTimeout, options.ParkTimeoutCause);
        }
        var cause = colon < 0 ? options.ParkTimeoutCause : HangupCauses.Parse(text[(colon + 1)..]);
        return (TimeSpan.FromSeconds(seconds), cause);
    }

    /// <summary>uuid_park: leaves any bridge (the peer is handled as a bridge survivor), then parks.</summary>
    internal async ValueTask ParkFromCommandAsync(Channel leg)
    {
        await BreakBridgeAsync(leg).ConfigureAwait(false);
        ParkLeg(leg);
    }
}
