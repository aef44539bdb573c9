using System.Globalization;

namespace Switch.Calls;

/// <summary>
/// Applications run through sendmsg execute: queued per channel and run one at a time in order, each
/// framed by CHANNEL_EXECUTE and CHANNEL_EXECUTE_COMPLETE. Park is the exception: it is the channel's
/// resting state, so other applications run while it is in effect.
/// </summary>
internal sealed partial class Call
{
    /// <summary>Queues an application on a leg; the run completes when CHANNEL_EXECUTE_COMPLETE fires.</summary>
    internal async ValueTask EnqueueApplicationAsync(Channel leg, ApplicationRun run)
    {
        if (leg.IsHungUp)
        {
            run.Drop();
            return;
        }
        leg.QueueApplication(run);
        await PumpApplicationsAsync(leg).ConfigureAwait(false);
    }

    /// <summary>Starts queued applications while the leg is free. Idempotent.</summary>
    private async ValueTask PumpApplicationsAsync(Channel leg)
    {
        while (!leg.IsHungUp && leg.RunningApplication is null && leg.TryTakePendingApplication(out var run))
        {
            await StartApplicationAsync(leg, run).ConfigureAwait(false);
        }
    }

    private async ValueTask StartApplicationAsync(Channel leg, ApplicationRun run)
    {
        leg.RunningApplication = run;
        DisarmParkTimer(leg);
        leg.CurrentRun = run;
        leg.Variables.Set("current_application", run.Name);
        leg.Variables.Set("current_application_data", run.Data);
        if (leg.State is not (ChannelState.Execute or ChannelState.ExchangeMedia or ChannelState.SoftExecute))
        {
            EnterState(leg, ChannelState.Execute);
        }
        if (Events.Wants(ChannelEventNames.Execute))
        {
            Publish(ChannelEvents.Execute(leg, run.Name, run.Data, run.ApplicationUuid, run.ApplicationUuidName));
        }

        switch (run.Name)
        {
            case ApplicationNames.Park:
                StartParkApplication(leg, run);
                break;
            case ApplicationNames.Answer:
                await AnswerAsync(leg).ConfigureAwait(false);
                FinishApplication(leg, run, null);
                break;
            case ApplicationNames.PreAnswer:
                await PreAnswerAsync(leg).ConfigureAwait(false);
                FinishApplication(leg, run, null);
                break;
            case ApplicationNames.RingReady:
                await RingReadyAsync(leg).ConfigureAwait(false);
                FinishApplication(leg, run, null);
                break;
            case ApplicationNames.Set:
                SetFromApplication(leg, run.Data, export: false);
                FinishApplication(leg, run, null);
                break;
            case ApplicationNames.Export:
                SetFromApplication(leg, run.Data, export: true);
                FinishApplication(leg, run, null);
                break;
            case ApplicationNames.Hangup:
                await HangupAsync(leg, HangupCauses.Parse(run.Data)).ConfigureAwait(false);
                break;
            case ApplicationNames.Sleep:
                StartSleep(leg, run);
                break;
            case ApplicationNames.Bridge:
                await StartBridgeApplicationAsync(leg, run).ConfigureAwait(false);
                break;
            case ApplicationNames.Playback:
                await StartPlaybackAsync(leg, run, loops: 1).ConfigureAwait(false);
                break;
            case ApplicationNames.EndlessPlayback:
                await StartPlaybackAsync(leg, run, Switch.Media.Playback.Endless).ConfigureAwait(false);
                break;
            case ApplicationNames.Echo:
                await StartEchoAsync(leg, run).ConfigureAwait(false);
                break;
            case ApplicationNames.PlayAndGetDigits:
                await StartPlayAndGetDigitsAsync(leg, run).ConfigureAwait(false);
                break;
            case ApplicationNames.RecordSession:
                StartRecordSessionApplication(leg, run);
                break;
            case ApplicationNames.StopRecordSession:
                StopRecording(leg);
                FinishApplication(leg, run, null);
                break;
            case ApplicationNames.SendDtmf:
                leg.Signaling.SendDtmf(run.Data ?? string.Empty);
                FinishApplication(leg, run, null);
                break;
            default:
                CallLog.UnknownApplication(_engine.Logger, leg.Uuid, run.Name);
                FinishApplication(leg, run, ApplicationNames.InvalidApplicationResponse);
                break;
        }
    }

    /// <summary>
    /// Ends an application run: CHANNEL_EXECUTE_COMPLETE with its response, the waiter released, the park
    /// idle timer re-armed, and the next queued application scheduled. Safe to call twice.
    /// </summary>
    internal void FinishApplication(Channel leg, ApplicationRun run, string? response)
    {
        if (run.Finished)
        {
            return;
        }
        run.Finished = true;
        run.Timer?.Dispose();
        run.Timer = null;
        if (ReferenceEquals(leg.RunningApplication, run))
        {
            leg.RunningApplication = null;
        }
        leg.LastApplication = run.Name;
        leg.LastApplicationData = run.Data;
        leg.Variables.Set("current_application_response", response);
        if (Events.Wants(ChannelEventNames.ExecuteComplete))
        {
            Publish(ChannelEvents.ExecuteComplete(leg, run.Name, run.Data, response, run.ApplicationUuid, run.ApplicationUuidName));
        }
        if (!leg.IsHungUp)
        {
            ArmParkTimer(leg);
            if (leg.HasPendingApplications)
            {
                Post(leg.Uuid, static (call, l) => call.PumpApplicationsAsync(l));
            }
        }
        // Last: whoever waits for the application sees the channel as it is after it.
        run.Complete(response);
    }

    /// <summary>set / export: "name=value" (empty value unsets); export accepts FreeSWITCH's "nolocal:" prefix.</summary>
    private static void SetFromApplication(Channel leg, string? data, bool export)
    {
        if (string.IsNullOrWhiteSpace(data))
        {
            return;
        }
        var local = true;
        if (export && data.StartsWith("nolocal:", StringComparison.OrdinalIgnoreCase))
        {
            local = false;
            data = data["nolocal:".Length..];
        }
        var eq = data.IndexOf('=');
        var name = (eq < 0 ? data : data[..eq]).Trim();
        var value = eq < 0 ? null : data[(eq + 1)..];
        if (name.Length == 0)
        {
            return;
        }
        if (export)
        {
            leg.Variables.Export(name, value, local);
        }
        else
        {
            leg.Variables.Set(name, value);
        }
    }

    private void StartSleep(Channel leg, ApplicationRun run)
    {
        if (!int.TryParse(run.Data?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms <= 0)
        {
            FinishApplication(leg, run, null);
            return;
        }
        run.Timer = StartLegTimer(TimeSpan.FromMilliseconds(ms), leg.Uuid, (call, l, timer) =>
        {
            if (ReferenceEquals(run.Timer, timer))
            {
                call.FinishApplication(l, run, null);
            }
            return ValueTask.CompletedTask;
        });
    }
}
