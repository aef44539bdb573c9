using System.Text;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Tests.Sip.Message;

namespace Switch.Tests.Sip.Transactions;

/// <summary>
/// What a client transaction puts on the wire when the layer builds the request with its Via: every send carries the
/// transaction's branch, retransmissions are the first send's bytes, and the bytes are those of the copy-and-prepend path.
/// </summary>
public sealed class ClientTransactionSendTests : TransactionTestBase
{
    public static TheoryData<string, bool> Requests => new()
    {
        { "INVITE", false },
        { "OPTIONS", false },
        { "BYE", false },
        { "INVITE", true },
        { "REGISTER", true },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Every_send_of_a_built_request_carries_the_transaction_branch_and_the_same_bytes(string method, bool tcp)
    {
        var target = tcp ? TcpTarget : UdpTarget;
        var first = Layer.SendRequest(OutgoingBuilder(method, "call-a"), target);
        var second = Layer.SendRequest(OutgoingBuilder(method, "call-b"), target);
        Time.Advance(TimeSpan.FromSeconds(40));

        Assert.NotEqual(first.Branch, second.Branch);
        foreach (var tx in new[] { first, second })
        {
            var sends = Transport.Requests.Where(r => r.CallId == tx.Request.CallId).ToList();
            Assert.Equal(tcp ? 1 : method == "INVITE" ? 7 : 11, sends.Count);
            Assert.StartsWith(tcp ? "SIP/2.0/TCP " : "SIP/2.0/UDP ", tx.Request.GetHeader("Via"), StringComparison.Ordinal);
            Assert.True(tx.Request.TopVia!.HasRfc3261Branch);
            Assert.Equal(tx.Branch, tx.Request.TopVia.Branch);
            var bytes = tx.Request.Data.ToArray();
            foreach (var sent in sends)
            {
                Assert.Single(sent.Vias);
                Assert.Equal(tx.Branch, sent.TopVia!.Branch);
                Assert.Equal(bytes, sent.Data.ToArray());
            }
        }
    }

    [Fact]
    public void A_built_request_has_the_bytes_of_the_copy_with_the_via_prepended()
    {
        var builders = new[]
        {
            OutgoingBuilder("INVITE", "call-1").AddHeader("Route", "<sip:192.0.2.7;lr>").SetBody("v=0\r\n", "application/sdp"),
            OutgoingBuilder("MESSAGE", "call-2").AddHeader("X-Custom", "a b;c=\"d\"").SetBody("hello", "text/plain"),
            // A Via the transaction user left in is replaced, as the copy does.
            OutgoingBuilder("INFO", "call-3").AddHeader("Via", "SIP/2.0/UDP 198.51.100.1;branch=z9hG4bKold"),
        };
        foreach (var builder in builders)
        {
            var copy = SipMessageBuilder.FromMessage(builder.BuildRequest()).BuildRequest();
            var tx = Layer.SendRequest(builder, UdpTarget);

            var expected = copy.WithOnlyVia(tx.Request.GetHeader("Via")!);
            BuiltMessageAssert.Same(expected, tx.Request);
            BuiltMessageAssert.SameAsParsed(tx.Request);
            Assert.Equal(Encoding.ASCII.GetString(expected.Data.Span), Encoding.ASCII.GetString(Transport.Requests.Last().Data.Span));
        }
    }

    [Theory]
    [InlineData("From")]
    [InlineData("To")]
    [InlineData("Call-ID")]
    [InlineData("CSeq")]
    public void A_request_without_a_required_header_is_refused(string missing)
    {
        Assert.Throws<ArgumentException>(() => Layer.SendRequest(OutgoingBuilder("OPTIONS", "call-1").RemoveHeader(missing), UdpTarget));
        Assert.Throws<ArgumentException>(() => Layer.SendRequest(OutgoingBuilder("OPTIONS", "call-2").RemoveHeader(missing).BuildRequest(), UdpTarget));
        Assert.Empty(Transport.Requests);
        Assert.Equal(0, Layer.ClientTransactionCount);
    }

    [Fact]
    public void The_builder_is_spent_once_sent()
    {
        var builder = OutgoingBuilder("OPTIONS", "call-1");
        _ = Layer.SendRequest(builder, UdpTarget);
        Assert.Throws<InvalidOperationException>(() => builder.AddHeader("Subject", "again"));
    }

    [Fact]
    public void A_built_ack_is_refused_as_a_transaction_and_sent_with_a_new_branch_by_send_ack()
    {
        Assert.Throws<ArgumentException>(() => Layer.SendRequest(OutgoingBuilder("ACK", "call-1"), UdpTarget));
        Assert.Throws<ArgumentException>(() => Layer.SendAck(OutgoingBuilder("BYE", "call-1"), UdpTarget));
        Assert.Empty(Transport.Requests);

        var invite = Layer.SendRequest(OutgoingBuilder("INVITE", "call-1"), UdpTarget);
        Layer.SendAck(OutgoingBuilder("ACK", "call-1"), UdpTarget);
        var ack = Assert.Single(Transport.Requests, r => r.IsAck);
        Assert.Single(ack.Vias);
        Assert.True(ack.TopVia!.HasRfc3261Branch);
        Assert.NotEqual(invite.Branch, ack.TopVia.Branch);
        Assert.Equal(1, Layer.ClientTransactionCount);
    }

    [Fact]
    public void Cancel_and_the_non_2xx_ack_keep_the_invite_branch_and_resend_the_same_bytes()
    {
        var invite = (ClientInviteTransaction)Layer.SendRequest(OutgoingBuilder("INVITE", "call-1"), UdpTarget);
        Layer.OnMessage(Answer(invite.Request, 180), FakeSipTransport.Flow());
        var cancel = Layer.Cancel(invite)!;
        Time.Advance(Ms(1600));
        var cancels = Transport.Requests.Where(r => r.IsCancel).ToList();
        Assert.Equal(3, cancels.Count);
        Assert.All(cancels, c => Assert.Equal(invite.Branch, c.TopVia!.Branch));
        Assert.All(cancels, c => Assert.Equal(cancel.Request.Data.ToArray(), c.Data.ToArray()));
        Assert.Equal(invite.Branch, cancel.Branch);

        var terminated = Answer(invite.Request, 487);
        Layer.OnMessage(terminated, FakeSipTransport.Flow());
        Layer.OnMessage(terminated, FakeSipTransport.Flow());
        var acks = Transport.Requests.Where(r => r.IsAck).ToList();
        Assert.Equal(2, acks.Count);
        Assert.All(acks, a => Assert.Equal(invite.Branch, a.TopVia!.Branch));
        Assert.Equal(acks[0].Data.ToArray(), acks[1].Data.ToArray());
    }

    [Fact]
    public void Responses_that_came_before_the_stream_was_first_read_are_on_it_in_order()
    {
        var tx = Layer.SendRequest(OutgoingBuilder("INVITE", "call-1"), UdpTarget);
        Layer.OnMessage(Answer(tx.Request, 100), FakeSipTransport.Flow());
        Layer.OnMessage(Answer(tx.Request, 180), FakeSipTransport.Flow());
        Layer.OnMessage(Answer(tx.Request, 486), FakeSipTransport.Flow());
        Time.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal(SipTransactionState.Terminated, tx.State);

        var seen = new List<int>();
        while (tx.Responses.TryRead(out var response))
        {
            seen.Add(response.StatusCode);
        }

        Assert.Equal([100, 180, 486], seen);
        Assert.True(tx.Responses.Completion.IsCompleted);
        Assert.Equal(486, tx.FinalResponse.Result.StatusCode);
    }

    [Fact]
    public void A_stream_read_early_gets_later_responses_and_completes_at_the_end()
    {
        var tx = Layer.SendRequest(OutgoingBuilder("OPTIONS", "call-1"), UdpTarget);
        var reader = tx.Responses;
        var final = tx.FinalResponse;
        Assert.False(reader.TryRead(out _));
        Assert.False(final.IsCompleted);

        Layer.OnMessage(Answer(tx.Request, 200), FakeSipTransport.Flow());
        Layer.OnMessage(Answer(tx.Request, 500), FakeSipTransport.Flow());

        Assert.True(reader.TryRead(out var ok) && ok.StatusCode == 200);
        Assert.False(reader.TryRead(out _));
        Assert.Equal(200, final.Result.StatusCode);
        Assert.False(reader.Completion.IsCompleted);
        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(reader.Completion.IsCompleted);
    }

    [Fact]
    public void A_final_response_first_asked_for_after_a_shutdown_is_503()
    {
        var tx = Layer.SendRequest(OutgoingBuilder("INVITE", "call-1"), UdpTarget, (_, _) => { });
        Layer.OnMessage(Answer(tx.Request, 180), FakeSipTransport.Flow());
        Layer.Dispose();

        Assert.Equal(503, tx.FinalResponse.Result.StatusCode);
        Assert.Same(tx.FinalResponse.Result, tx.FinalResponse.Result);
    }

    private static SipMessageBuilder OutgoingBuilder(string method, string callId) =>
        SipMessageBuilder.Request(method, SipUri.Parse("sip:1018@192.0.2.9:5062"))
            .AddHeader("Max-Forwards", "70")
            .AddHeader("From", "<sip:switch@192.0.2.1>;tag=sw1")
            .AddHeader("To", "<sip:1018@192.0.2.9>")
            .AddHeader("Call-ID", callId)
            .AddHeader("CSeq", "1 " + method);
}
