namespace Switch.Calls;

/// <summary>What commands do to channels. Every method runs its work on the mailbox of the call owning the channel.</summary>
internal sealed partial class CallEngine
{
    public bool Exists(string uuid) => Registry.Contains(uuid);

    /// <summary>uuid_answer: 200 OK on an inbound leg. False when there is no such live channel or it cannot be answered.</summary>
    public Task<bool> AnswerAsync(string uuid) =>
        OnLegAsync(uuid, static (call, leg) => call.AnswerAsync(leg), false);

    /// <summary>uuid_pre_answer: 183 with media.</summary>
    public Task<bool> PreAnswerAsync(string uuid) =>
        OnLegAsync(uuid, static (call, leg) => call.PreAnswerAsync(leg), false);

    /// <summary>uuid_ring_ready: 180.</summary>
    public Task<bool> RingReadyAsync(string uuid) =>
        OnLegAsync(uuid, static (call, leg) => call.RingReadyAsync(leg), false);

    /// <summary>uuid_kill and sendmsg hangup. False when there is no such live channel.</summary>
    public Task<bool> HangupAsync(string uuid, HangupCause cause) =>
        OnLegAsync(uuid, async (call, leg) =>
        {
            if (leg.IsHungUp)
            {
                return false;
            }
            await call.HangupAsync(leg, cause).ConfigureAwait(false);
            return true;
        }, false);

    /// <summary>uuid_park: a bridged leg leaves its bridge (the peer is handled as a bridge survivor) and rests in park.</summary>
    public Task<bool> ParkAsync(string uuid) =>
        OnLegAsync(uuid, async (call, leg) =>
        {
            if (leg.IsHungUp)
            {
                return false;
            }
            await call.ParkFromCommandAsync(leg).ConfigureAwait(false);
            return true;
        }, false);

    /// <summary>uuid_break: stops the playback in progress on the channel. False when there is no such channel.</summary>
    public Task<bool> BreakAsync(string uuid) =>
        OnLegAsync(uuid, static (call, leg) =>
        {
            if (leg.IsHungUp)
            {
                return ValueTask.FromResult(false);
            }
            call.BreakMedia(leg);
            return ValueTask.FromResult(true);
        }, false);

    /// <summary>uuid_send_dtmf: sends digits to the channel's far end. False when there is no such channel or no media.</summary>
    public Task<bool> SendDtmfAsync(string uuid, string digits) =>
        OnLegAsync(uuid, (_, leg) => ValueTask.FromResult(!leg.IsHungUp && leg.Signaling.SendDtmf(digits)), false);

    /// <summary>uuid_record start: Found is false without such a channel; Started false (with the reason) when it cannot record.</summary>
    public Task<(bool Found, bool Started, string? Error)> StartRecordingAsync(string uuid, string path, TimeSpan limit) =>
        OnLegAsync(uuid, (call, leg) =>
        {
            var started = call.StartRecording(leg, path, limit, out var error);
            return ValueTask.FromResult((true, started, error));
        }, (false, false, (string?)null));

    /// <summary>uuid_record stop: false when there is no such channel.</summary>
    public Task<bool> StopRecordingAsync(string uuid) =>
        OnLegAsync(uuid, static (call, leg) =>
        {
            call.StopRecording(leg);
            return ValueTask.FromResult(true);
        }, false);

    /// <summary>The uuid of the leg bridged with this one, or null.</summary>
    public Task<string?> BridgedPeerAsync(string uuid) =>
        OnLegAsync<string?>(uuid, static (_, leg) => ValueTask.FromResult(leg.BridgedTo?.Uuid), null);

    /// <summary>uuid_setvar: a null or empty value unsets.</summary>
    public Task<bool> SetVariableAsync(string uuid, string name, string? value) =>
        OnLegAsync(uuid, (_, leg) =>
        {
            leg.Variables.Set(name, value);
            return ValueTask.FromResult(true);
        }, false);

    /// <summary>uuid_setvar_multi: several variables at once, in order.</summary>
    public Task<bool> SetVariablesAsync(string uuid, IReadOnlyList<KeyValuePair<string, string?>> variables) =>
        OnLegAsync(uuid, (_, leg) =>
        {
            foreach (var (name, value) in variables)
            {
                leg.Variables.Set(name, value);
            }
            return ValueTask.FromResult(true);
        }, false);

    /// <summary>uuid_getvar: Found is false when there is no such channel; Value is null when the variable is unset.</summary>
    public Task<(bool Found, string? Value)> GetVariableAsync(string uuid, string name) =>
        OnLegAsync(uuid, (_, leg) => ValueTask.FromResult<(bool, string?)>((true, leg.Variables[name])), (false, null));

    /// <summary>
    /// uuid_bridge: bridges two live channels, moving the second into the first one's call when they belong
    /// to different calls. Unanswered inbound legs are answered first. Returns the uuid bridged to, or null.
    /// </summary>
    public async Task<string?> BridgeAsync(string uuid, string otherUuid)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var a = Registry.Find(uuid);
            var b = Registry.Find(otherUuid);
            if (a?.Call is not { } callA || b?.Call is not { } callB || ReferenceEquals(a, b))
            {
                return null;
            }
            if (ReferenceEquals(callA, callB))
            {
                return await callA.InvokeAsync<string?>(uuid, (call, legA) => call.UuidBridgeLocalAsync(legA, otherUuid), null)
                    .ConfigureAwait(false);
            }
            var moved = await callB.InvokeAsync(otherUuid, (call, legB) => call.TryMoveLegAsync(legB, callA), false)
                .ConfigureAwait(false);
            if (!moved)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>hupall: hangs up every channel, or those whose variable <paramref name="name"/> equals <paramref name="value"/>.</summary>
    public async Task<int> HangupAllAsync(HangupCause cause, string? name = null, string? value = null)
    {
        var pending = new List<Task<bool>>();
        foreach (var channel in Registry.Snapshot())
        {
            pending.Add(OnLegAsync(channel.Uuid, async (call, leg) =>
            {
                if (leg.IsHungUp || (name is not null && !string.Equals(leg.Variables[name], value, StringComparison.Ordinal)))
                {
                    return false;
                }
                await call.HangupAsync(leg, cause).ConfigureAwait(false);
                return true;
            }, false));
        }
        var results = await Task.WhenAll(pending).ConfigureAwait(false);
        return results.Count(static r => r);
    }

    /// <summary>
    /// Runs a dialplan application on a channel (sendmsg execute), queued behind the channel's running
    /// application. Completes when CHANNEL_EXECUTE_COMPLETE fires (whose Application-UUID is
    /// <paramref name="eventUuid"/> when given), or at once with NoSuchChannel.
    /// </summary>
    public ValueTask<ExecuteResult> ExecuteApplicationAsync(string uuid, string application, string? argument,
        string? eventUuid, string? eventUuidName = null, CancellationToken cancellationToken = default)
    {
        var name = ApplicationNames.Canonical(application.Trim().ToLowerInvariant());
        var run = new ApplicationRun(name, string.IsNullOrEmpty(argument) ? null : argument,
            string.IsNullOrEmpty(eventUuid) ? null : eventUuid, eventUuidName);
        // The run's own task (taken before the run is posted): a bridge waits as long as the call lasts, with nothing else held for it.
        var completion = run.Completion;
        if (!PostToLeg(uuid, (call, leg) => call.EnqueueApplicationAsync(leg, run), run.NoChannel))
        {
            return ValueTask.FromResult(new ExecuteResult(ExecuteStatus.NoSuchChannel, name, null));
        }
        return new ValueTask<ExecuteResult>(cancellationToken.CanBeCanceled ? completion.WaitAsync(cancellationToken) : completion);
    }

    /// <summary>
    /// originate: dials, and once a leg answers runs the requested application on it (or bridges it to a
    /// live uuid, or parks it with the extension as destination). Completes on answer or failure.
    /// </summary>
    public async Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken = default)
    {
        var requestedUuid = request.Dial.GetVariable("origination_uuid");
        if (requestedUuid is not null && Registry.Contains(requestedUuid))
        {
            return new OriginateResult(null, HangupCause.NormalTemporaryFailure);
        }
        var completion = new TaskCompletionSource<OriginateResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var session = new OriginateSession(null, request.Dial, (call, outcome) => OnOriginatedAsync(call, outcome, request, completion))
        {
            DefaultTimeout = request.Timeout,
            CallerIdName = request.CallerIdName,
            CallerIdNumber = request.CallerIdNumber,
        };
        var call = new Call(this);
        if (!call.Post(c => c.StartOriginateAsync(session)))
        {
            return new OriginateResult(null, HangupCause.NormalTemporaryFailure);
        }
        using var registration = cancellationToken.Register(() => call.Post(c => c.CancelOriginateAsync(session)));
        return await completion.Task.ConfigureAwait(false);
    }

    private async ValueTask OnOriginatedAsync(Call call, OriginateOutcome outcome, OriginateRequest request,
        TaskCompletionSource<OriginateResult> completion)
    {
        var dialText = request.Dial.ToString();
        if (outcome.Winner is not { } leg)
        {
            CallLog.OriginateDone(Logger, dialText, HangupCauses.ToName(outcome.Cause));
            completion.TrySetResult(new OriginateResult(null, outcome.Cause));
            return;
        }
        CallLog.OriginateDone(Logger, dialText, leg.Uuid);
        if (request.Application is { } application)
        {
            var run = new ApplicationRun(ApplicationNames.Canonical(application.Trim().ToLowerInvariant()), request.ApplicationArgument, null, null);
            await call.EnqueueApplicationAsync(leg, run).ConfigureAwait(false);
            completion.TrySetResult(new OriginateResult(leg.Uuid, HangupCause.None));
            return;
        }
        if (request.Extension is { } extension && Registry.Contains(extension))
        {
            completion.TrySetResult(new OriginateResult(leg.Uuid, HangupCause.None));
            var legUuid = leg.Uuid;
            _ = Task.Run(() => BridgeAsync(legUuid, extension));
            return;
        }
        if (request.Extension is not null)
        {
            leg.Profile.DestinationNumber = request.Extension;
        }
        await call.EnqueueApplicationAsync(leg, new ApplicationRun(ApplicationNames.Park, null, null, null))
            .ConfigureAwait(false);
        completion.TrySetResult(new OriginateResult(leg.Uuid, HangupCause.None));
    }

    /// <summary>Every live channel's show-channels row, oldest first (as of each call's last work item).</summary>
    public IReadOnlyList<ChannelSnapshot> Snapshot()
    {
        var rows = new List<ChannelSnapshot>(Registry.Count);
        foreach (var channel in Registry.Snapshot())
        {
            if (channel.Snapshot is { } row)
            {
                rows.Add(row);
            }
        }
        rows.Sort(static (x, y) => x.CreatedMicros != y.CreatedMicros
            ? x.CreatedMicros.CompareTo(y.CreatedMicros)
            : string.CompareOrdinal(x.Uuid, y.Uuid));
        return rows;
    }

    /// <summary>uuid_dump: the CHANNEL_DATA headers of a channel (without the standard event headers), or null.</summary>
    public Task<IReadOnlyList<KeyValuePair<string, string>>?> DumpAsync(string uuid) =>
        OnLegAsync<IReadOnlyList<KeyValuePair<string, string>>?>(uuid, static (_, leg) =>
        {
            var builder = ChannelEvents.Create(ChannelEventNames.Data, leg);
            return ValueTask.FromResult<IReadOnlyList<KeyValuePair<string, string>>?>(builder.OwnHeaders.ToArray());
        }, null);
}
