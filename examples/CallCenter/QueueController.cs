using Switch.Client;

namespace Switch.Examples.CallCenter;

/// <summary>
/// The ESL side of the queue: answers callers who dial the queue number, plays hold music, rings the agents the
/// <see cref="CallQueue"/> chooses, bridges the first to answer, and reports hangups back to the queue.
/// All queue access is serialized by one lock; switch commands run outside it.
/// </summary>
internal sealed class QueueController(EventSocketClient client, CallQueue queue, Action<string> print)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CallerCall> _calls = new(StringComparer.OrdinalIgnoreCase);

    public QueueStats Snapshot()
    {
        lock (_gate)
        {
            return queue.Snapshot();
        }
    }

    public bool LogIn(string agent)
    {
        bool changed;
        lock (_gate)
        {
            changed = queue.LogIn(agent);
        }

        print($"agent-login {agent} {(changed ? "ok" : "unchanged")}");
        Dispatch();
        return changed;
    }

    public bool LogOut(string agent)
    {
        bool changed;
        lock (_gate)
        {
            changed = queue.LogOut(agent);
        }

        print($"agent-logout {agent} {(changed ? "ok" : "unchanged")}");
        return changed;
    }

    /// <summary>Routes parked inbound calls to the queue number until cancelled; re-dispatches every second (wrap-ups end).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var ticking = TickAsync(ticker, cancellationToken);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var evt in client.ReadEventsAsync(cancellationToken))
        {
            if (evt is ChannelPark park && park.IsInbound && park.UniqueId is { } uuid
                && park.DestinationNumber == queue.Options.Number && seen.Add(uuid))
            {
                _ = HandleCallerAsync(client.GetChannel(park), park.CallerIdNumber ?? "unknown", cancellationToken);
            }
            else if (evt is ChannelHangupComplete done && done.UniqueId is { } ended)
            {
                seen.Remove(ended);
            }
        }

        await ticking;
    }

    private async Task TickAsync(PeriodicTimer ticker, CancellationToken cancellationToken)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync(cancellationToken))
            {
                Dispatch();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HandleCallerAsync(Channel caller, string callerId, CancellationToken cancellationToken)
    {
        var call = new CallerCall(caller);
        try
        {
            await caller.AnswerAsync(cancellationToken);
            lock (_gate)
            {
                _calls[caller.UniqueId] = call;
                queue.Enqueue(caller.UniqueId, callerId);
            }

            print($"caller-queued {caller.UniqueId} {callerId}");
            var hold = PlayHoldMusicAsync(call, cancellationToken);
            Dispatch();

            var hungUp = caller.WaitForHangupAsync(cancellationToken);
            if (await Task.WhenAny(hungUp, call.Connected.Task) == hungUp)
            {
                lock (_gate)
                {
                    // Abandoned while waiting or ringing; CallEnded covers an agent who answered at that very moment.
                    queue.Abandon(caller.UniqueId);
                    queue.CallEnded(caller.UniqueId);
                    _calls.Remove(caller.UniqueId);
                }

                print($"caller-abandoned {caller.UniqueId} {caller.HangupCauseName}");
                await CancelAgentsAsync(call, [.. call.AgentLegs.Keys], HangupCause.OriginatorCancel);
                await call.StopHoldAsync();
                await hold;
                return;
            }

            var agentLeg = await call.Connected.Task;
            await hold;
            await Task.WhenAny(hungUp, agentLeg.WaitForHangupAsync(cancellationToken));
            lock (_gate)
            {
                queue.CallEnded(caller.UniqueId);
                _calls.Remove(caller.UniqueId);
            }

            print($"call-ended {caller.UniqueId} agent {call.AgentId} wrap-up {queue.Options.WrapUp.TotalSeconds:0}s");
            await caller.HangupAsync(HangupCause.NormalClearing, CancellationToken.None);
            await agentLeg.HangupAsync(HangupCause.NormalClearing, CancellationToken.None);
            Dispatch();
        }
        catch (Exception e) when (e is EventSocketException or OperationCanceledException)
        {
            lock (_gate)
            {
                queue.Abandon(caller.UniqueId);
                queue.CallEnded(caller.UniqueId);
                _calls.Remove(caller.UniqueId);
            }

            print($"caller-error {caller.UniqueId} {e.Message}");
        }
    }

    private void Dispatch()
    {
        IReadOnlyList<QueueOffer> offers;
        lock (_gate)
        {
            offers = queue.Dispatch();
        }

        foreach (var offer in offers)
        {
            foreach (var agent in offer.Agents)
            {
                _ = OfferAsync(offer, agent);
            }
        }
    }

    private async Task OfferAsync(QueueOffer offer, string agent)
    {
        CallerCall? call;
        lock (_gate)
        {
            _calls.TryGetValue(offer.CallerUuid, out call);
        }

        if (call is null)
        {
            lock (_gate)
            {
                queue.OfferFailed(offer.CallerUuid, agent);
            }

            return;
        }

        print($"offer {offer.CallerUuid} agent {agent}");
        Channel? leg = null;
        try
        {
            leg = await client.OriginateAsync($"user/{agent}", new OriginateOptions
            {
                CallerIdNumber = offer.CallerIdNumber,
                CallerIdName = "Queue " + queue.Options.Number,
                Timeout = queue.Options.RingTimeout,
            });
            call.AgentLegs[agent] = leg;
            await leg.WaitForAnswerAsync();
        }
        catch (Exception e) when (e is ChannelHangupException or EventSocketException)
        {
            call.AgentLegs.TryRemove(agent, out _);
            lock (_gate)
            {
                queue.OfferFailed(offer.CallerUuid, agent);
            }

            print($"agent-no-answer {agent} {(e as ChannelHangupException)?.CauseName ?? e.Message}");
            Dispatch();
            return;
        }

        bool won;
        IReadOnlyList<string> losers;
        lock (_gate)
        {
            won = queue.AgentAnswered(offer.CallerUuid, agent, out losers);
        }

        if (!won)
        {
            print($"agent-too-late {agent}");
            await leg.HangupAsync(HangupCause.LoseRace);
            return;
        }

        print($"agent-answered {agent} {leg.UniqueId}");
        try
        {
            await CancelAgentsAsync(call, losers, HangupCause.LoseRace);
            await call.StopHoldAsync();
            var bridged = await call.Caller.BridgeAsync(leg);
            if (!bridged.Bridged)
            {
                throw new EventSocketCommandException("uuid_bridge", bridged.CauseName ?? "failed");
            }

            print($"bridged {offer.CallerUuid} agent {agent}");
        }
        catch (EventSocketException e)
        {
            print($"bridge-failed {offer.CallerUuid} {e.Message}");
            lock (_gate)
            {
                queue.CallEnded(offer.CallerUuid);
            }

            await leg.HangupAsync(HangupCause.NormalTemporaryFailure);
            await call.Caller.HangupAsync(HangupCause.NormalTemporaryFailure);
            return;
        }

        call.AgentId = agent;
        call.Connected.TrySetResult(leg);
    }

    private static async Task CancelAgentsAsync(CallerCall call, IReadOnlyList<string> agents, HangupCause cause)
    {
        foreach (var agent in agents)
        {
            if (call.AgentLegs.TryRemove(agent, out var leg))
            {
                try
                {
                    await leg.HangupAsync(cause);
                }
                catch (EventSocketException)
                {
                    // Gone already.
                }
            }
        }
    }

    private async Task PlayHoldMusicAsync(CallerCall call, CancellationToken cancellationToken)
    {
        var caller = call.Caller;
        try
        {
            while (!call.HoldStopped && !caller.IsHungUp)
            {
                var played = await caller.PlaybackAsync(queue.Options.HoldMusic, cancellationToken);
                if (played.IsError)
                {
                    print($"hold-music-failed {caller.UniqueId} {played.ApplicationResponse}");
                    return;
                }
            }
        }
        catch (Exception e) when (e is EventSocketException or OperationCanceledException)
        {
            // The caller left, or the music was interrupted for the bridge.
        }
    }
}
