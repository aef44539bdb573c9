namespace Switch.Examples.CallCenter;

/// <summary>
/// The ACD queue's decisions, free of any I/O: callers wait in arrival order, agents log in and out, and
/// <see cref="Dispatch"/> says which agents to ring for whom (by strategy). The ESL side reports back what
/// happened (answered, no answer, hangups) and the queue moves agents through ringing, in-call, wrap-up and the
/// no-answer pause. Time comes from the injected clock. Not thread-safe: the caller serializes access.
/// </summary>
internal sealed class CallQueue(QueueOptions options, TimeProvider time)
{
    private readonly List<QueueAgent> _agents = [];
    private readonly List<QueueCaller> _callers = [];
    private readonly HashSet<string> _loggingOut = new(StringComparer.Ordinal);
    private int _roundRobinNext;
    private long _entered;
    private long _answered;
    private long _abandoned;
    private long _noAnswers;
    private double _totalAnsweredWaitSeconds;

    public QueueOptions Options => options;

    public IReadOnlyList<QueueAgent> Agents => _agents;

    public IReadOnlyList<QueueCaller> Callers => _callers;

    /// <summary>Logs an agent in (adding it when new); false when already logged in.</summary>
    public bool LogIn(string agentId)
    {
        var agent = _agents.Find(a => a.Id == agentId);
        if (agent is null)
        {
            agent = new QueueAgent(agentId);
            _agents.Add(agent);
        }

        if (_loggingOut.Remove(agentId))
        {
            return true;
        }

        if (agent.State != AgentState.LoggedOut)
        {
            return false;
        }

        agent.State = AgentState.Available;
        agent.IdleSince = time.GetUtcNow();
        return true;
    }

    /// <summary>Logs an agent out. A ringing or talking agent finishes the current call first (and takes no new one).</summary>
    public bool LogOut(string agentId)
    {
        var agent = _agents.Find(a => a.Id == agentId);
        if (agent is null || agent.State == AgentState.LoggedOut || _loggingOut.Contains(agentId))
        {
            return false;
        }

        if (agent.State is AgentState.Ringing or AgentState.InCall)
        {
            _loggingOut.Add(agentId);
        }
        else
        {
            agent.State = AgentState.LoggedOut;
        }

        return true;
    }

    /// <summary>A caller joins the end of the queue.</summary>
    public void Enqueue(string callerUuid, string callerIdNumber)
    {
        if (_callers.Exists(c => c.Uuid == callerUuid))
        {
            return;
        }

        _callers.Add(new QueueCaller(callerUuid, callerIdNumber, time.GetUtcNow()));
        _entered++;
    }

    /// <summary>Ends wrap-ups and pauses that are over, then offers waiting callers (oldest first) to free agents.</summary>
    public IReadOnlyList<QueueOffer> Dispatch()
    {
        var now = time.GetUtcNow();
        foreach (var agent in _agents)
        {
            if (agent.State is AgentState.WrapUp or AgentState.NoAnswerPause && agent.AvailableAt <= now)
            {
                agent.State = AgentState.Available;
                agent.IdleSince = agent.AvailableAt;
            }
        }

        var offers = new List<QueueOffer>();
        foreach (var caller in _callers)
        {
            if (caller.State != CallerState.Waiting)
            {
                continue;
            }

            var chosen = Choose();
            if (chosen.Count == 0)
            {
                break;
            }

            caller.State = CallerState.Offering;
            foreach (var agent in chosen)
            {
                agent.State = AgentState.Ringing;
                agent.CallerUuid = caller.Uuid;
                caller.Ringing.Add(agent.Id);
            }

            offers.Add(new QueueOffer(caller.Uuid, caller.CallerIdNumber, [.. chosen.Select(a => a.Id)]));
        }

        return offers;
    }

    /// <summary>
    /// An agent answered. True when the caller is still waiting for this offer: it is now connected, and
    /// <paramref name="cancel"/> lists the other agents still ringing (ring-all). False: hang the agent up.
    /// </summary>
    public bool AgentAnswered(string callerUuid, string agentId, out IReadOnlyList<string> cancel)
    {
        cancel = [];
        var caller = _callers.Find(c => c.Uuid == callerUuid);
        var agent = _agents.Find(a => a.Id == agentId);
        if (caller is null || agent is null || caller.State != CallerState.Offering || !caller.Ringing.Remove(agentId))
        {
            if (agent is not null && agent.CallerUuid == callerUuid)
            {
                Release(agent, AgentState.Available);
            }

            return false;
        }

        cancel = [.. caller.Ringing];
        foreach (var other in caller.Ringing)
        {
            if (_agents.Find(a => a.Id == other) is { } loser)
            {
                Release(loser, AgentState.Available);
            }
        }

        caller.Ringing.Clear();
        caller.State = CallerState.Connected;
        caller.AgentId = agentId;
        agent.State = AgentState.InCall;
        agent.CallsAnswered++;
        _answered++;
        _totalAnsweredWaitSeconds += (time.GetUtcNow() - caller.EnqueuedAt).TotalSeconds;
        return true;
    }

    /// <summary>An offered agent did not answer (busy, no answer, not registered): pause it; the caller waits for the next agent.</summary>
    public void OfferFailed(string callerUuid, string agentId)
    {
        var agent = _agents.Find(a => a.Id == agentId);
        if (agent is not null && agent.CallerUuid == callerUuid && agent.State == AgentState.Ringing)
        {
            agent.NoAnswers++;
            _noAnswers++;
            Release(agent, AgentState.NoAnswerPause);
        }

        var caller = _callers.Find(c => c.Uuid == callerUuid);
        if (caller is not null && caller.State == CallerState.Offering && caller.Ringing.Remove(agentId) && caller.Ringing.Count == 0)
        {
            caller.State = CallerState.Waiting;
        }
    }

    /// <summary>The caller hung up while waiting or ringing: forget it; returns the agents to stop ringing.</summary>
    public IReadOnlyList<string> Abandon(string callerUuid)
    {
        var caller = _callers.Find(c => c.Uuid == callerUuid);
        if (caller is null || caller.State == CallerState.Connected)
        {
            return [];
        }

        _callers.Remove(caller);
        _abandoned++;
        var ringing = caller.Ringing.ToList();
        foreach (var id in ringing)
        {
            if (_agents.Find(a => a.Id == id) is { } agent)
            {
                Release(agent, AgentState.Available);
            }
        }

        return ringing;
    }

    /// <summary>A connected call ended: the caller leaves, the agent goes into wrap-up.</summary>
    public void CallEnded(string callerUuid)
    {
        var caller = _callers.Find(c => c.Uuid == callerUuid);
        if (caller is null)
        {
            return;
        }

        _callers.Remove(caller);
        if (caller.AgentId is { } id && _agents.Find(a => a.Id == id) is { } agent && agent.CallerUuid == callerUuid)
        {
            Release(agent, AgentState.WrapUp);
        }
    }

    public QueueStats Snapshot()
    {
        var now = time.GetUtcNow();
        var waiting = _callers.Where(c => c.State != CallerState.Connected).ToList();
        return new QueueStats(
            options.Number,
            options.Strategy switch { QueueStrategy.RoundRobin => "round-robin", QueueStrategy.RingAll => "ring-all", _ => "longest-idle" },
            waiting.Count,
            waiting.Count == 0 ? 0 : waiting.Max(c => (now - c.EnqueuedAt).TotalSeconds),
            _entered,
            _answered,
            _abandoned,
            _noAnswers,
            _answered == 0 ? 0 : _totalAnsweredWaitSeconds / _answered,
            [.. _agents.Select(a => new AgentStats(
                a.Id,
                StateName(a.State),
                a.State == AgentState.Available ? (now - a.IdleSince).TotalSeconds : 0,
                a.CallsAnswered,
                a.NoAnswers,
                a.CallerUuid))]);
    }

    private static string StateName(AgentState state) => state switch
    {
        AgentState.LoggedOut => "logged-out",
        AgentState.Available => "available",
        AgentState.Ringing => "ringing",
        AgentState.InCall => "in-call",
        AgentState.WrapUp => "wrap-up",
        _ => "no-answer-pause",
    };

    private List<QueueAgent> Choose()
    {
        var free = _agents.Where(a => a.State == AgentState.Available).ToList();
        if (free.Count == 0)
        {
            return [];
        }

        switch (options.Strategy)
        {
            case QueueStrategy.RingAll:
                return free;
            case QueueStrategy.RoundRobin:
                for (var i = 0; i < _agents.Count; i++)
                {
                    var index = (_roundRobinNext + i) % _agents.Count;
                    if (_agents[index].State == AgentState.Available)
                    {
                        _roundRobinNext = (index + 1) % _agents.Count;
                        return [_agents[index]];
                    }
                }

                return [];
            default:
                return [free.MinBy(a => a.IdleSince)!];
        }
    }

    private void Release(QueueAgent agent, AgentState next)
    {
        agent.CallerUuid = null;
        if (_loggingOut.Remove(agent.Id))
        {
            agent.State = AgentState.LoggedOut;
            return;
        }

        var now = time.GetUtcNow();
        agent.State = next;
        agent.IdleSince = now;
        agent.AvailableAt = next switch
        {
            AgentState.WrapUp => now + options.WrapUp,
            AgentState.NoAnswerPause => now + options.NoAnswerPause,
            _ => now,
        };
        if (next == AgentState.WrapUp && options.WrapUp <= TimeSpan.Zero)
        {
            agent.State = AgentState.Available;
        }
    }
}
