using Switch.Sip.Message;
using Switch.Sip.Transactions;

namespace Switch.Tests.Sip.Transactions;

/// <summary>The layer's one-timer queue: many transaction timers, one platform timer, none left behind.</summary>
public sealed class SipTimerQueueTests : TransactionTestBase
{
    [Fact]
    public void Many_transactions_share_one_platform_timer_and_release_it_when_they_end()
    {
        var flow = FakeSipTransport.Flow();
        for (var i = 0; i < 50; i++)
        {
            Layer.OnMessage(Incoming("INVITE", branch: "z9hG4bKq" + i, callId: "c" + i), flow);
        }
        foreach (var tx in Handler.Requests)
        {
            Assert.True(tx.TryRespond(486));
        }

        Assert.Equal(100, Layer.Timers.Live); // G and H of each
        Assert.Equal(1, Time.ActiveTimerCount);

        Time.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Equal(50, Layer.ServerTransactionCount);
        Time.Advance(Ms(100));
        Assert.Equal(0, Layer.ServerTransactionCount);
        Assert.Equal(0, Layer.Timers.Live);
        Assert.Equal(0, Time.ActiveTimerCount);
    }

    [Fact]
    public void Deadlines_are_rounded_up_to_the_10_ms_grid_never_early_and_timers_due_in_one_slot_fire_together()
    {
        Time.Advance(Ms(3)); // off the grid: Timer E (T1 = 500 ms) is due at 503 ms, fires at 510 ms
        var first = Layer.SendRequest(Outgoing("OPTIONS"), UdpTarget);
        Time.Advance(Ms(4)); // the second one is due at 507 ms: the same slot
        var second = Layer.SendRequest(Outgoing("OPTIONS"), UdpTarget);
        var sends = Transport.Sent.Count;

        Time.Advance(Ms(496)); // 503 ms: past the first deadline, before the slot
        Assert.Equal(sends, Transport.Sent.Count);
        Time.Advance(Ms(6)); // 509 ms
        Assert.Equal(sends, Transport.Sent.Count);
        Time.Advance(Ms(1)); // 510 ms: both retransmit
        Assert.Equal(sends + 2, Transport.Sent.Count);
        Assert.Equal(SipTransactionState.Trying, second.State);
    }

    [Fact]
    public void A_stopped_timer_never_fires_and_termination_disarms_the_platform_timer()
    {
        var sent = Outgoing("OPTIONS");
        var tx = Layer.SendRequest(sent, UdpTarget);
        Assert.Equal(2, Layer.Timers.Live); // E and F
        Layer.OnMessage(Answer(tx.Request, 200), FakeSipTransport.Flow());
        Assert.Equal(2, Layer.Timers.Live); // F and K (T4): E was stopped
        var sends = Transport.Sent.Count;

        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(sends, Transport.Sent.Count);
        Assert.Equal(0, Layer.Timers.Live);
        Assert.Equal(0, Time.ActiveTimerCount);
    }

    [Fact]
    public void Timers_of_different_lengths_fire_in_deadline_order()
    {
        var flow = FakeSipTransport.Flow();
        Layer.OnMessage(Incoming("INVITE", branch: "z9hG4bKinv", callId: "inv"), flow);
        Layer.OnMessage(Incoming("MESSAGE", branch: "z9hG4bKmsg", callId: "msg"), flow);
        var invite = Handler.Requests[0];
        var message = Handler.Requests[1];
        Assert.True(message.TryRespond(200));  // the cached final response: 32 s
        Assert.True(invite.TryRespond(486));   // Timer G from 0.5 s, Timer H 32 s

        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(new[] { 0, 500, 1500 }.Select(x => Ms(x)), SendTimes(m => m is SipResponse { StatusCode: 486 }));
        Assert.Equal(1, Layer.CompletedResponseCount);

        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, Layer.CompletedResponseCount);
        Assert.Equal(SipTransactionState.Terminated, invite.State);
        Assert.Equal(0, Time.ActiveTimerCount);
    }
}
