using Switch.Client.Tests.Fakes;
using Switch.Examples.CallCenter;

namespace Switch.Client.Tests.Examples;

public sealed class CallQueueTests
{
    private readonly ManualTimeProvider _time = new();

    private CallQueue Queue(QueueStrategy strategy, params string[] agents)
    {
        var queue = new CallQueue(new QueueOptions { Strategy = strategy, WrapUp = TimeSpan.FromSeconds(10), NoAnswerPause = TimeSpan.FromSeconds(30) }, _time);
        foreach (var agent in agents)
        {
            Assert.True(queue.LogIn(agent));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        return queue;
    }

    private static AgentState StateOf(CallQueue queue, string agent) => queue.Agents.Single(a => a.Id == agent).State;

    [Fact]
    public void Callers_wait_until_an_agent_is_free_and_are_served_in_arrival_order()
    {
        var queue = Queue(QueueStrategy.LongestIdle);
        queue.Enqueue("c1", "1000");
        queue.Enqueue("c2", "1001");
        Assert.Empty(queue.Dispatch());

        queue.LogIn("a");
        var offer = Assert.Single(queue.Dispatch());
        Assert.Equal(("c1", "1000"), (offer.CallerUuid, offer.CallerIdNumber));
        Assert.Equal(["a"], offer.Agents);
        Assert.Empty(queue.Dispatch());
        Assert.Equal(AgentState.Ringing, StateOf(queue, "a"));
    }

    [Fact]
    public void Longest_idle_picks_the_agent_free_the_longest()
    {
        var queue = Queue(QueueStrategy.LongestIdle, "a", "b", "c");
        queue.Enqueue("c1", "1");
        Assert.Equal(["a"], Assert.Single(queue.Dispatch()).Agents);
        Assert.True(queue.AgentAnswered("c1", "a", out _));
        queue.CallEnded("c1");
        _time.Advance(TimeSpan.FromSeconds(11));

        queue.Enqueue("c2", "2");
        Assert.Equal(["b"], Assert.Single(queue.Dispatch()).Agents);
        queue.Enqueue("c3", "3");
        Assert.Equal(["c"], Assert.Single(queue.Dispatch()).Agents);
        queue.Enqueue("c4", "4");
        Assert.Equal(["a"], Assert.Single(queue.Dispatch()).Agents);
    }

    [Fact]
    public void Round_robin_rotates_in_login_order()
    {
        var queue = Queue(QueueStrategy.RoundRobin, "a", "b", "c");
        var order = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var caller = "c" + i;
            queue.Enqueue(caller, "1");
            var offer = Assert.Single(queue.Dispatch());
            order.Add(offer.Agents.Single());
            Assert.True(queue.AgentAnswered(caller, offer.Agents.Single(), out _));
            queue.CallEnded(caller);
            _time.Advance(TimeSpan.FromSeconds(11));
        }

        Assert.Equal(["a", "b", "c", "a", "b", "c"], order);
    }

    [Fact]
    public void Ring_all_offers_every_free_agent_and_the_first_answer_cancels_the_rest()
    {
        var queue = Queue(QueueStrategy.RingAll, "a", "b", "c");
        queue.Enqueue("c1", "1");
        var offer = Assert.Single(queue.Dispatch());
        Assert.Equal(["a", "b", "c"], offer.Agents);

        Assert.True(queue.AgentAnswered("c1", "b", out var cancel));
        Assert.Equal(["a", "c"], cancel.Order());
        Assert.False(queue.AgentAnswered("c1", "a", out _));
        Assert.Equal(AgentState.InCall, StateOf(queue, "b"));
        Assert.Equal(AgentState.Available, StateOf(queue, "a"));
        Assert.Equal(AgentState.Available, StateOf(queue, "c"));
    }

    [Fact]
    public void No_answer_pauses_the_agent_and_offers_the_next_one()
    {
        var queue = Queue(QueueStrategy.LongestIdle, "a", "b");
        queue.Enqueue("c1", "1");
        Assert.Equal(["a"], Assert.Single(queue.Dispatch()).Agents);

        queue.OfferFailed("c1", "a");
        Assert.Equal(AgentState.NoAnswerPause, StateOf(queue, "a"));
        Assert.Equal(["b"], Assert.Single(queue.Dispatch()).Agents);

        queue.OfferFailed("c1", "b");
        Assert.Empty(queue.Dispatch());
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(queue.Dispatch());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["a"], Assert.Single(queue.Dispatch()).Agents);
        Assert.Equal(2, queue.Snapshot().NoAnswers);
    }

    [Fact]
    public void Wrap_up_keeps_the_agent_away_for_exactly_the_wrap_up_time()
    {
        var queue = Queue(QueueStrategy.LongestIdle, "a");
        queue.Enqueue("c1", "1");
        queue.Dispatch();
        Assert.True(queue.AgentAnswered("c1", "a", out _));
        queue.CallEnded("c1");
        Assert.Equal(AgentState.WrapUp, StateOf(queue, "a"));

        queue.Enqueue("c2", "2");
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(queue.Dispatch());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("c2", Assert.Single(queue.Dispatch()).CallerUuid);
    }

    [Fact]
    public void Abandon_while_ringing_frees_the_agents_and_counts_it()
    {
        var queue = Queue(QueueStrategy.RingAll, "a", "b");
        queue.Enqueue("c1", "1");
        queue.Dispatch();

        Assert.Equal(["a", "b"], queue.Abandon("c1").Order());
        Assert.Empty(queue.Callers);
        Assert.Equal(AgentState.Available, StateOf(queue, "a"));
        Assert.False(queue.AgentAnswered("c1", "a", out _));
        var stats = queue.Snapshot();
        Assert.Equal((1L, 0L, 1L, 0), (stats.Entered, stats.Answered, stats.Abandoned, stats.Waiting));
    }

    [Fact]
    public void Logout_during_a_call_takes_effect_when_the_call_ends()
    {
        var queue = Queue(QueueStrategy.LongestIdle, "a");
        queue.Enqueue("c1", "1");
        queue.Dispatch();
        Assert.True(queue.AgentAnswered("c1", "a", out _));
        Assert.True(queue.LogOut("a"));
        Assert.Equal(AgentState.InCall, StateOf(queue, "a"));
        queue.CallEnded("c1");
        Assert.Equal(AgentState.LoggedOut, StateOf(queue, "a"));
        queue.Enqueue("c2", "2");
        Assert.Empty(queue.Dispatch());
        Assert.True(queue.LogIn("a"));
        Assert.Single(queue.Dispatch());
    }

    [Fact]
    public void Snapshot_reports_waits_and_agent_states()
    {
        var queue = Queue(QueueStrategy.LongestIdle, "a");
        queue.Enqueue("c1", "1");
        _time.Advance(TimeSpan.FromSeconds(4));
        queue.Dispatch();
        queue.Enqueue("c2", "2");
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(queue.AgentAnswered("c1", "a", out _));

        var stats = queue.Snapshot();
        Assert.Equal(1, stats.Waiting);
        Assert.Equal(2, stats.LongestWaitSeconds);
        Assert.Equal(6, stats.AverageWaitSeconds);
        var agent = Assert.Single(stats.Agents);
        Assert.Equal(("a", "in-call", "c1"), (agent.Id, agent.State, agent.Caller));
        var json = System.Text.Json.JsonSerializer.Serialize(stats);
        Assert.Contains("\"Waiting\":1", json, StringComparison.Ordinal);
    }
}
