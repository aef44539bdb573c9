using System.Text;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Tests.Sip.Transactions;

public sealed class ServerTransactionTests : TransactionTestBase
{
    [Fact]
    public void Invite_gets_100_at_once_and_a_retransmission_gets_the_last_provisional()
    {
        var flow = FakeSipTransport.Flow();
        Layer.OnMessage(Incoming("INVITE"), flow);
        var tx = Assert.IsType<ServerInviteTransaction>(Assert.Single(Handler.Requests));
        var trying = Assert.Single(Transport.Responses);
        Assert.Equal(100, trying.StatusCode);
        Assert.Null(trying.ToTag);

        Layer.OnMessage(Incoming("INVITE"), flow);
        Assert.Equal([100, 100], Transport.Responses.Select(r => r.StatusCode));
        Assert.True(tx.TryRespond(180));
        Layer.OnMessage(Incoming("INVITE"), flow);
        Assert.Equal([100, 100, 180, 180], Transport.Responses.Select(r => r.StatusCode));
        Assert.Equal(tx.LocalTag, Transport.Responses.Last().ToTag);
        Assert.Single(Handler.Requests);
    }

    [Fact]
    public void Non_2xx_final_is_retransmitted_with_timer_g_until_ack()
    {
        var flow = FakeSipTransport.Flow();
        Layer.OnMessage(Incoming("INVITE"), flow);
        var tx = (ServerInviteTransaction)Handler.Requests[0];
        Assert.True(tx.TryRespond(486));
        Assert.False(tx.TryRespond(200));
        Time.Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(new[] { 0, 500, 1500, 3500, 7500, 11500 }.Select(x => Ms(x)), SendTimes(m => m is SipResponse { StatusCode: 486 }));

        Layer.OnMessage(Incoming("INVITE"), flow);
        Assert.Equal(7, Transport.Responses.Count(r => r.StatusCode == 486));
        Layer.OnMessage(Incoming("ACK", cseqMethod: "ACK", toTag: tx.LocalTag), flow);
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        Assert.Empty(Handler.Acks);
        Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(7, Transport.Responses.Count(r => r.StatusCode == 486));
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        Time.Advance(Ms(100));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, Layer.ServerTransactionCount);
    }

    [Fact]
    public void Non_2xx_without_ack_ends_with_timer_h()
    {
        Layer.OnMessage(Incoming("INVITE"), FakeSipTransport.Flow());
        var tx = Handler.Requests[0];
        _ = tx.TryRespond(603);
        Time.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Equal(SipTransactionState.Completed, tx.State);
        Time.Advance(Ms(100));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(new[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }.Select(x => Ms(x)), SendTimes(m => m is SipResponse { StatusCode: 603 }));
    }

    [Fact]
    public void Two_hundred_is_retransmitted_until_the_ack_which_reaches_the_tu()
    {
        var flow = FakeSipTransport.Flow();
        Layer.OnMessage(Incoming("INVITE"), flow);
        var tx = (ServerInviteTransaction)Handler.Requests[0];
        Assert.True(tx.TryRespond(200));
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        Time.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(new[] { 0, 500, 1500, 3500, 7500 }.Select(x => Ms(x)), SendTimes(m => m is SipResponse { StatusCode: 200 }));

        Layer.OnMessage(Incoming("INVITE"), flow);
        Assert.Equal(5, Transport.Responses.Count(r => r.StatusCode == 200));

        Layer.OnMessage(Incoming("ACK", branch: "z9hG4bKack2xx", cseqMethod: "ACK", toTag: tx.LocalTag), flow);
        Assert.Single(Handler.Acks);
        Assert.True(tx.IsAcknowledged);
        Assert.Null(tx.LastResponse);
        Layer.OnMessage(Incoming("INVITE"), flow);
        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(5, Transport.Responses.Count(r => r.StatusCode == 200));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Empty(Handler.AckTimeouts);
    }

    [Fact]
    public void Two_hundred_without_ack_is_reported_after_64_t1()
    {
        Layer.OnMessage(Incoming("INVITE"), FakeSipTransport.Flow());
        var tx = (ServerInviteTransaction)Handler.Requests[0];
        _ = tx.TryRespond(200);
        Time.Advance(TimeSpan.FromSeconds(33));
        Assert.Same(tx, Assert.Single(Handler.AckTimeouts));
        Assert.Equal(new[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }.Select(x => Ms(x)), SendTimes(m => m is SipResponse { StatusCode: 200 }));
    }

    [Fact]
    public void Over_tcp_responses_are_not_retransmitted()
    {
        var flow = FakeSipTransport.Flow(SipTransportType.Tcp);
        Layer.OnMessage(Incoming("INVITE", transport: "TCP"), flow);
        var tx = Handler.Requests[0];
        _ = tx.TryRespond(486);
        Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Single(Transport.Responses, r => r.StatusCode == 486);
        Assert.Equal(SipTransactionState.Terminated, tx.State);

        Layer.OnMessage(Incoming("BYE", branch: "z9hG4bKbye", transport: "TCP"), flow);
        var bye = Handler.Requests[1];
        _ = bye.TryRespond(200);
        Assert.Equal(SipTransactionState.Terminated, bye.State);
    }

    [Fact]
    public void Non_invite_absorbs_retransmissions_and_resends_the_final()
    {
        var flow = FakeSipTransport.Flow();
        Layer.OnMessage(Incoming("BYE"), flow);
        var tx = Assert.IsType<ServerNonInviteTransaction>(Assert.Single(Handler.Requests));
        Layer.OnMessage(Incoming("BYE"), flow);
        Assert.Empty(Transport.Responses);
        _ = tx.TryRespond(200);

        // Completed lives on as the cached final response alone (Timer J): the transaction itself is released.
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, Layer.ServerTransactionCount);
        Assert.Equal(1, Layer.CompletedResponseCount);
        Layer.OnMessage(Incoming("BYE"), flow);
        var final = Assert.Single(Transport.Responses);
        Assert.Equal(final.Data.ToArray(), Assert.Single(Transport.Raw));
        Time.Advance(TimeSpan.FromSeconds(31.9));
        Layer.OnMessage(Incoming("BYE"), flow);
        Assert.Equal(2, Transport.Raw.Count);
        Assert.Single(Handler.Requests);

        Time.Advance(Ms(100));
        Assert.Equal(0, Layer.CompletedResponseCount);
        Assert.Equal(0, Time.ActiveTimerCount);
        // After Timer J the same branch is a new request.
        Layer.OnMessage(Incoming("BYE"), flow);
        Assert.Equal(2, Handler.Requests.Count);
    }

    [Fact]
    public void Non_invite_over_tcp_keeps_nothing_after_the_final()
    {
        var flow = FakeSipTransport.Flow(SipTransportType.Tcp);
        Layer.OnMessage(Incoming("BYE", transport: "TCP"), flow);
        Assert.True(Handler.Requests[0].TryRespond(200));
        Assert.Equal(0, Layer.ServerTransactionCount);
        Assert.Equal(0, Layer.CompletedResponseCount);
    }

    [Fact]
    public void Cancel_is_answered_and_the_tu_is_told()
    {
        var flow = FakeSipTransport.Flow();
        Layer.OnMessage(Incoming("INVITE"), flow);
        var invite = (ServerInviteTransaction)Handler.Requests[0];
        Layer.OnMessage(Incoming("CANCEL"), flow);
        var (cancelled, cancel) = Assert.Single(Handler.Cancels);
        Assert.Same(invite, cancelled);
        Assert.True(invite.IsCancelled);
        Assert.Equal(SipMethod.Cancel, cancel.Method);
        var ok = Transport.Responses.Single(r => r.CSeq!.Value.Method == "CANCEL");
        Assert.Equal(200, ok.StatusCode);
        Assert.True(invite.TryRespond(487));
        Assert.Single(Handler.Requests);

        Layer.OnMessage(Incoming("CANCEL", branch: "z9hG4bKother"), flow);
        Assert.Equal(481, Transport.Responses.Last().StatusCode);
    }

    [Fact]
    public void Merged_request_gets_482()
    {
        var flow = FakeSipTransport.Flow();
        Layer.OnMessage(Incoming("INVITE", branch: "z9hG4bKfork1"), flow);
        Layer.OnMessage(Incoming("INVITE", branch: "z9hG4bKfork2"), flow);
        Assert.Single(Handler.Requests);
        Assert.Equal(482, Transport.Responses.Last().StatusCode);
    }

    [Fact]
    public void Options_to_the_switch_gets_200_with_allow_and_supported()
    {
        Layer.OnMessage(Parse("OPTIONS sip:192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKo\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:192.0.2.1>\r\nCall-ID: o1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"), FakeSipTransport.Flow());
        Assert.Empty(Handler.Requests);
        var ok = Assert.Single(Transport.Responses);
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("INVITE", ok.GetHeader("Allow"), StringComparison.Ordinal);
        Assert.Equal("timer, path, replaces", ok.GetHeader("Supported"));
        Assert.NotNull(ok.ToTag);
        Assert.Equal(0, Layer.ServerTransactionCount);
    }

    [Fact]
    public void Declined_request_gets_501_with_allow()
    {
        Handler.Accept = _ => false;
        Layer.OnMessage(Incoming("NEWMETHOD"), FakeSipTransport.Flow());
        var r = Assert.Single(Transport.Responses);
        Assert.Equal(501, r.StatusCode);
        Assert.NotNull(r.GetHeader("Allow"));
    }

    [Fact]
    public void Handler_exception_gives_500()
    {
        Handler.Accept = _ => throw new InvalidOperationException("boom");
        Layer.OnMessage(Incoming("MESSAGE"), FakeSipTransport.Flow());
        Assert.Equal(500, Assert.Single(Transport.Responses).StatusCode);
    }

    [Theory]
    [InlineData("bext01", 420)]
    [InlineData("badvers", 505)]
    [InlineData("unkscm", 416)]
    [InlineData("insuf", 400)]
    [InlineData("mismatch01", 400)]
    public void Validation_failures_get_the_validator_status(string name, int status)
    {
        Assert.True(SipMessageParser.TryParse(Message.TortureCorpus.Get(name).Bytes, out var m, out _));
        Layer.OnMessage(m, FakeSipTransport.Flow());
        Assert.Empty(Handler.Requests);
        Assert.Contains(Transport.Responses, r => r.StatusCode == status);
    }

    [Fact]
    public void Unparseable_request_with_readable_via_gets_a_raw_400()
    {
        Assert.False(SipMessageParser.TryParse(Message.TortureCorpus.Get("ltgtruri").Bytes, out _, out var error));
        Layer.OnInvalidMessage(error, FakeSipTransport.Flow());
        var raw = Encoding.UTF8.GetString(Assert.Single(Transport.Raw));
        Assert.StartsWith("SIP/2.0 400 ", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_rfc2543_requests_match_without_a_magic_cookie()
    {
        var flow = FakeSipTransport.Flow();
        Layer.OnMessage(Incoming("INVITE", branch: "legacy1"), flow);
        Layer.OnMessage(Incoming("INVITE", branch: "legacy1"), flow);
        Assert.Single(Handler.Requests);
        var tx = Handler.Requests[0];
        _ = tx.TryRespond(404);
        Layer.OnMessage(Incoming("ACK", branch: "legacy1", cseqMethod: "ACK", toTag: tx.LocalTag), flow);
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
    }
}
