using Switch.Sip.Message;
using Switch.Sip.Transactions;

namespace Switch.Tests.Sip.Transactions;

public sealed class ClientTransactionTests : TransactionTestBase
{
    [Fact]
    public async Task Invite_over_udp_retransmits_with_timer_a_and_times_out_with_timer_b()
    {
        var tx = Layer.SendRequest(Outgoing("INVITE"), UdpTarget);
        Time.Advance(TimeSpan.FromSeconds(31.9));
        Assert.False(tx.FinalResponse.IsCompleted);
        Time.Advance(Ms(100));

        var sends = SendTimes(m => m is SipRequest { IsInvite: true });
        Assert.Equal(new[] { 0, 500, 1500, 3500, 7500, 15500, 31500 }.Select(x => Ms(x)), sends);
        var final = await tx.FinalResponse;
        Assert.Equal(408, final.StatusCode);
        Assert.Equal(tx.Request.CallId, final.CallId);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, Layer.ClientTransactionCount);
        Assert.Equal(0, Time.ActiveTimerCount);
    }

    [Fact]
    public void Invite_over_tcp_is_sent_once()
    {
        var tx = Layer.SendRequest(Outgoing("INVITE"), TcpTarget);
        Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Single(Transport.Requests);
        Assert.Equal(408, tx.FinalResponse.Result.StatusCode);
        Assert.StartsWith("SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bK", tx.Request.GetHeader("Via"), StringComparison.Ordinal);
    }

    [Fact]
    public void Provisional_stops_timer_a_and_non_2xx_is_acked_by_the_transaction()
    {
        var tx = Layer.SendRequest(Outgoing("INVITE"), UdpTarget);
        Time.Advance(Ms(600));
        Layer.OnMessage(Answer(tx.Request, 180), FakeSipTransport.Flow());
        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, Transport.Requests.Count(r => r.IsInvite));
        Assert.Equal(SipTransactionState.Proceeding, tx.State);

        var busy = Answer(tx.Request, 486);
        Layer.OnMessage(busy, FakeSipTransport.Flow());
        Layer.OnMessage(busy, FakeSipTransport.Flow());

        var acks = Transport.Requests.Where(r => r.IsAck).ToList();
        Assert.Equal(2, acks.Count);
        var ack = acks[0];
        Assert.Equal(tx.Request.RequestUri, ack.RequestUri);
        Assert.Equal(tx.Request.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.Single(ack.Vias);
        Assert.Equal("peer1", ack.ToTag);
        Assert.Equal(new SipCSeq(1, "ACK"), ack.CSeq);
        Assert.Equal(tx.Request.CallId, ack.CallId);

        Assert.True(tx.Responses.TryRead(out var first) && first.StatusCode == 180);
        Assert.True(tx.Responses.TryRead(out var second) && second.StatusCode == 486);
        Assert.False(tx.Responses.TryRead(out _));
        Assert.Equal(SipTransactionState.Completed, tx.State);
        Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.True(tx.Responses.Completion.IsCompleted);
    }

    [Fact]
    public void Two_hundred_enters_accepted_and_passes_retransmissions_to_the_tu()
    {
        var seen = new List<int>();
        var tx = Layer.SendRequest(Outgoing("INVITE"), UdpTarget, (_, r) => seen.Add(r.StatusCode));
        var ok = Answer(tx.Request, 200);
        Layer.OnMessage(ok, FakeSipTransport.Flow());
        Layer.OnMessage(ok, FakeSipTransport.Flow());
        Assert.Equal([200, 200], seen);
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        Assert.DoesNotContain(Transport.Requests, r => r.IsAck);
        Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Layer.OnMessage(ok, FakeSipTransport.Flow());
        Assert.Single(Handler.Stray);
        Assert.Single(Transport.Requests);
    }

    [Fact]
    public void Non_invite_over_udp_uses_timer_e_capped_at_t2_and_times_out_with_timer_f()
    {
        var tx = Layer.SendRequest(Outgoing("OPTIONS"), UdpTarget);
        Time.Advance(TimeSpan.FromSeconds(33));
        var expected = new[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }.Select(x => Ms(x));
        Assert.Equal(expected, SendTimes(m => m is SipRequest));
        Assert.Equal(408, tx.FinalResponse.Result.StatusCode);
    }

    [Fact]
    public void Non_invite_in_proceeding_retransmits_every_t2()
    {
        var tx = Layer.SendRequest(Outgoing("REGISTER"), UdpTarget);
        Time.Advance(Ms(100));
        Layer.OnMessage(Answer(tx.Request, 100), FakeSipTransport.Flow());
        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(new[] { 0, 500, 4500, 8500 }.Select(x => Ms(x)), SendTimes(m => m is SipRequest));
        Layer.OnMessage(Answer(tx.Request, 200), FakeSipTransport.Flow());
        Layer.OnMessage(Answer(tx.Request, 200), FakeSipTransport.Flow());
        Assert.Equal(200, tx.FinalResponse.Result.StatusCode);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(4, Transport.Requests.Count());
        Assert.Empty(Handler.Stray);
    }

    [Fact]
    public void Cancel_waits_for_a_provisional_and_reuses_the_invite_branch()
    {
        var invite = (ClientInviteTransaction)Layer.SendRequest(Outgoing("INVITE", 5), UdpTarget);
        Assert.Null(Layer.Cancel(invite));
        Assert.DoesNotContain(Transport.Requests, r => r.IsCancel);
        Layer.OnMessage(Answer(invite.Request, 180), FakeSipTransport.Flow());
        var cancel = Assert.Single(Transport.Requests, r => r.IsCancel);
        Assert.Equal(invite.Request.TopVia!.Branch, cancel.TopVia!.Branch);
        Assert.Equal(new SipCSeq(5, "CANCEL"), cancel.CSeq);
        Assert.Equal(invite.Request.RequestUri, cancel.RequestUri);
        Assert.Null(cancel.ToTag);

        Layer.OnMessage(Answer(invite.Request, 487), FakeSipTransport.Flow());
        Assert.Equal(487, invite.FinalResponse.Result.StatusCode);
        Assert.Null(Layer.Cancel(invite));
    }

    [Fact]
    public void With_a_callback_responses_go_to_it_and_are_not_queued()
    {
        var seen = new List<int>();
        var tx = Layer.SendRequest(Outgoing("INVITE"), UdpTarget, (_, r) => seen.Add(r.StatusCode));
        Layer.OnMessage(Answer(tx.Request, 180), FakeSipTransport.Flow());
        Layer.OnMessage(Answer(tx.Request, 486), FakeSipTransport.Flow());

        Assert.Equal([180, 486], seen);
        Assert.False(tx.Responses.TryRead(out _));
        Assert.True(tx.Responses.Completion.IsCompleted);
        Assert.Equal(486, tx.FinalResponse.Result.StatusCode);
    }

    [Fact]
    public void A_cancel_without_a_reason_has_no_reason_header()
    {
        var invite = (ClientInviteTransaction)Layer.SendRequest(Outgoing("INVITE"), UdpTarget);
        Layer.OnMessage(Answer(invite.Request, 180), FakeSipTransport.Flow());

        Assert.NotNull(Layer.Cancel(invite));

        Assert.Null(Assert.Single(Transport.Requests, r => r.IsCancel).GetHeader("Reason"));
    }

    [Fact]
    public void A_cancel_sent_at_once_carries_the_reason()
    {
        var invite = (ClientInviteTransaction)Layer.SendRequest(Outgoing("INVITE"), UdpTarget);
        Layer.OnMessage(Answer(invite.Request, 183), FakeSipTransport.Flow());

        var tx = Layer.Cancel(invite, "SIP;cause=200;text=\"Call completed elsewhere\"");

        Assert.NotNull(tx);
        var cancel = Assert.Single(Transport.Requests, r => r.IsCancel);
        Assert.Equal("SIP;cause=200;text=\"Call completed elsewhere\"", cancel.GetHeader("Reason"));
        Assert.Equal(invite.Request.CallId, cancel.CallId);
    }

    [Fact]
    public void A_deferred_cancel_keeps_the_first_reason_until_it_is_sent()
    {
        var invite = (ClientInviteTransaction)Layer.SendRequest(Outgoing("INVITE"), UdpTarget);
        Assert.Null(Layer.Cancel(invite, "Q.850;cause=19;text=\"NO_ANSWER\""));
        Assert.Null(Layer.Cancel(invite, "Q.850;cause=16;text=\"NORMAL_CLEARING\""));
        Assert.DoesNotContain(Transport.Requests, r => r.IsCancel);

        Layer.OnMessage(Answer(invite.Request, 180), FakeSipTransport.Flow());

        var cancel = Assert.Single(Transport.Requests, r => r.IsCancel);
        Assert.Equal("Q.850;cause=19;text=\"NO_ANSWER\"", cancel.GetHeader("Reason"));
    }

    [Fact]
    public void Transport_error_gives_a_synthetic_503()
    {
        Transport.FailSends = true;
        var tx = Layer.SendRequest(Outgoing("BYE"), UdpTarget);
        Assert.Equal(503, tx.FinalResponse.Result.StatusCode);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Shutdown_completes_pending_transactions_with_503()
    {
        var tx = Layer.SendRequest(Outgoing("INVITE"), UdpTarget);
        Layer.OnMessage(Answer(tx.Request, 180), FakeSipTransport.Flow());
        Layer.Dispose();
        Assert.Equal(503, tx.FinalResponse.Result.StatusCode);
        Assert.True(tx.Responses.Completion.IsCompleted || tx.Responses.TryRead(out _));
        Assert.Equal(0, Time.ActiveTimerCount);
    }

    [Fact]
    public void Ack_for_2xx_gets_a_new_branch()
    {
        var tx = Layer.SendRequest(Outgoing("INVITE"), UdpTarget);
        var ack = SipMessageBuilder.Request("ACK", tx.Request.RequestUri)
            .AddHeader("From", tx.Request.GetHeader("From")!).AddHeader("To", "<sip:1018@192.0.2.9>;tag=peer1")
            .AddHeader("Call-ID", tx.Request.CallId!).AddHeader("CSeq", "1 ACK").BuildRequest();
        Layer.SendAck(ack, UdpTarget);
        var sent = Transport.Requests.Single(r => r.IsAck);
        Assert.NotEqual(tx.Request.TopVia!.Branch, sent.TopVia!.Branch);
        Assert.True(sent.TopVia.HasRfc3261Branch);
    }
}
