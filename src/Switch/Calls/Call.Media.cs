using System.Globalization;

namespace Switch.Calls;

/// <summary>Media applications and events: playback (PLAYBACK_START/STOP), DTMF received and sent, uuid_break.</summary>
internal sealed partial class Call
{
    /// <summary>
    /// The playback application (and endless_playback, <paramref name="loops"/> = Endless, which only ends on
    /// uuid_break or hangup): pre-answers an unanswered inbound leg (media is needed), then plays.
    /// </summary>
    private async ValueTask StartPlaybackAsync(Channel leg, ApplicationRun run, int loops)
    {
        var source = run.Data?.Trim();
        if (string.IsNullOrEmpty(source))
        {
            FinishApplication(leg, run, "PLAYBACK ERROR");
            return;
        }
        if (!leg.IsAnswered && !leg.HasEarlyMedia && leg.Direction == CallDirection.Inbound)
        {
            await PreAnswerAsync(leg).ConfigureAwait(false);
        }
        var uuid = leg.Uuid;
        var engine = _engine;
        // The completion is always posted, so PLAYBACK_START below still comes before PLAYBACK_STOP.
        var started = leg.Signaling.TryStartPlayback(source, (response, stopped) =>
            engine.PostToLeg(uuid, (call, l) => call.OnPlaybackDone(l, run, source, response, stopped)), loops);
        PublishPlayback(leg, "PLAYBACK_START", source, null);
        if (!started)
        {
            await OnPlaybackDone(leg, run, source, "PLAYBACK ERROR", stopped: false).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The echo application (FreeSWITCH's echo test): the caller hears itself until uuid_break or hangup.
    /// Pre-answers an unanswered inbound leg, as media is needed.
    /// </summary>
    private async ValueTask StartEchoAsync(Channel leg, ApplicationRun run)
    {
        if (!leg.IsAnswered && !leg.HasEarlyMedia && leg.Direction == CallDirection.Inbound)
        {
            await PreAnswerAsync(leg).ConfigureAwait(false);
        }
        if (!leg.Signaling.TryStartEcho())
        {
            FinishApplication(leg, run, "-ERR no media");
        }
    }

    /// <summary>Ends a running playback or echo (uuid_break, hangup); the application completes.</summary>
    internal void BreakMedia(Channel leg)
    {
        leg.Signaling.StopPlayback();
        if (leg.RunningApplication is { Name: ApplicationNames.Echo } echo)
        {
            leg.Signaling.StopEcho();
            FinishApplication(leg, echo, null);
        }
    }

    private ValueTask OnPlaybackDone(Channel leg, ApplicationRun run, string source, string response, bool stopped)
    {
        if (run.Finished)
        {
            return ValueTask.CompletedTask;
        }
        PublishPlayback(leg, "PLAYBACK_STOP", source, stopped);
        leg.Variables.Set("playback_terminator_used", null);
        FinishApplication(leg, run, response);
        return ValueTask.CompletedTask;
    }

    /// <summary>PLAYBACK_START (<paramref name="stopped"/> null) or PLAYBACK_STOP with its Playback-Status.</summary>
    private void PublishPlayback(Channel leg, string name, string source, bool? stopped)
    {
        if (!Events.Wants(name) || leg.IsHungUp)
        {
            return;
        }
        var e = ChannelEvents.Create(name, leg);
        e.Add("Playback-File-Path", source);
        if (stopped is { } s)
        {
            e.Add("Playback-Status", s ? "break" : "done");
        }
        Publish(e);
    }

    /// <summary>DTMF event: the channel block without variables, then DTMF-Digit, DTMF-Duration, DTMF-Source.</summary>
    internal ValueTask OnDtmf(Channel leg, char digit, int durationSamples, string source)
    {
        if (leg.IsHungUp)
        {
            return ValueTask.CompletedTask;
        }
        FeedDigitRead(leg, digit);
        if (!Events.Wants("DTMF"))
        {
            return ValueTask.CompletedTask;
        }
        var e = ChannelEvents.Start("DTMF", leg);
        ChannelEvents.AddChannelData(e, leg, includeVariables: false);
        e.Add("DTMF-Digit", digit.ToString());
        e.Add("DTMF-Duration", durationSamples.ToString(CultureInfo.InvariantCulture));
        e.Add("DTMF-Source", source);
        Publish(e);
        return ValueTask.CompletedTask;
    }
}
