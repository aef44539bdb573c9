using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Tests.Sip.Transport;

public sealed class SipStackInteropTests
{
    [Theory]
    [InlineData(SipTransportType.Udp)]
    [InlineData(SipTransportType.Tcp)]
    internal async Task Two_stacks_complete_a_transaction(SipTransportType transport)
    {
        await using var a = await SipStackFixture.StartAsync();
        await using var b = await SipStackFixture.StartAsync();
        b.Handler.Accept = tx => tx.TrySendResponse(tx.CreateResponseBuilder(202).AddHeader("X-Answered-By", "b").BuildResponse());

        var request = SipMessageBuilder.Request(SipMethod.Message, SipUri.Create("127.0.0.1", b.EndPoint.Port, "bob"))
            .AddHeader("Max-Forwards", "70")
            .AddHeader("From", "<sip:alice@127.0.0.1>;tag=" + SipIdentifiers.NewTag())
            .AddHeader("To", "<sip:bob@127.0.0.1>")
            .AddHeader("Call-ID", SipIdentifiers.NewCallId())
            .AddHeader("CSeq", "1 MESSAGE")
            .SetBody("hello", "text/plain")
            .BuildRequest();
        var tx = a.Stack.Transactions.SendRequest(request, new SipTarget(transport, b.EndPoint));

        var response = await tx.FinalResponse.WaitAsync(SipStackFixture.Wait);
        Assert.Equal(202, response.StatusCode);
        Assert.Equal("b", response.GetHeader("X-Answered-By"));
        var served = Assert.Single(b.Handler.Requests);
        Assert.Equal("hello", System.Text.Encoding.UTF8.GetString(served.Request.Body.Span));
        Assert.Equal(transport, served.Flow.Transport);
        Assert.Equal($"127.0.0.1:{a.EndPoint.Port}", served.Request.TopVia!.SentBy);
        Assert.Equal(transport == SipTransportType.Tcp ? 1 : 0, b.Stack.Transport.ConnectionCount);
    }
}
