namespace Switch.Calls;

/// <summary>
/// The bridge application: originate the dial string with this leg as caller, relay ringing, answer the
/// caller when a leg answers and bridge them. It completes when the bridge ends or the originate fails;
/// on failure the caller gets originate_disposition, originate_failed_cause and DIALSTATUS, and stays
/// parked unless continue_on_fail=false.
/// </summary>
internal sealed partial class Call
{
    private async ValueTask StartBridgeApplicationAsync(Channel leg, ApplicationRun run)
    {
        if (leg.BridgedTo is not null)
        {
            FinishApplication(leg, run, "-ERR already bridged");
            return;
        }
        if (!DialStringParser.TryParse(run.Data, out var dial, out var error))
        {
            CallLog.BadDialString(_engine.Logger, run.Data, error);
            await FailBridgeApplicationAsync(leg, run, HangupCause.InvalidNumberFormat, "INVALIDARGS").ConfigureAwait(false);
            return;
        }
        var session = new OriginateSession(leg, dial, (call, outcome) => call.OnBridgeOriginateDoneAsync(leg, run, outcome));
        await StartOriginateAsync(session).ConfigureAwait(false);
    }

    private async ValueTask OnBridgeOriginateDoneAsync(Channel caller, ApplicationRun run, OriginateOutcome outcome)
    {
        if (outcome.Winner is not { } winner)
        {
            await FailBridgeApplicationAsync(caller, run, outcome.Cause, null).ConfigureAwait(false);
            return;
        }
        if (caller.IsHungUp)
        {
            await HangupAsync(winner, caller.HangupCause ?? HangupCause.NormalClearing).ConfigureAwait(false);
            return;
        }
        caller.Variables.Set("originate_disposition", "call accepted");
        caller.Variables.Set("DIALSTATUS", "SUCCESS");
        if (!await AnswerAsync(caller, winner).ConfigureAwait(false))
        {
            await HangupAsync(winner, caller.HangupCause ?? HangupCause.NormalClearing).ConfigureAwait(false);
            return;
        }
        await BridgeAsync(caller, winner, uuidBridge: false).ConfigureAwait(false);
    }

    private async ValueTask FailBridgeApplicationAsync(Channel caller, ApplicationRun run, HangupCause cause, string? dialStatus)
    {
        var name = HangupCauses.ToName(cause);
        caller.Variables.Set("originate_disposition", name);
        caller.Variables.Set("originate_failed_cause", name);
        caller.Variables.Set("DIALSTATUS", dialStatus ?? DialStatusOf(cause));
        if (caller.IsHungUp)
        {
            return;
        }
        FinishApplication(caller, run, null);
        if (caller.Variables.IsFalse("continue_on_fail"))
        {
            await HangupAsync(caller, cause).ConfigureAwait(false);
        }
    }

    /// <summary>The DIALSTATUS FreeSWITCH sets after a failed bridge.</summary>
    internal static string DialStatusOf(HangupCause cause) => cause switch
    {
        HangupCause.UserBusy => "BUSY",
        HangupCause.NoAnswer or HangupCause.NoUserResponse => "NOANSWER",
        HangupCause.OriginatorCancel => "CANCEL",
        HangupCause.InvalidNumberFormat or HangupCause.InvalidUrl => "INVALIDARGS",
        HangupCause.CallRejected => "DONTCALL",
        _ => HangupCauses.ToName(cause),
    };
}
