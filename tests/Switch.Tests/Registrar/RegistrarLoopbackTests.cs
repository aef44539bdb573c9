using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Registrar;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;
using Switch.Tests.Sip.Transport;

namespace Switch.Tests.Registrar;

/// <summary>The registrar behind the real UDP/TCP stack on loopback port 0, driven by raw sockets as a phone.</summary>
public sealed class RegistrarLoopbackTests
{
    private sealed class Dispatcher(RegistrarService service) : ISipRequestHandler
    {
        public bool OnRequest(SipServerTransaction transaction) => service.TryHandle(transaction);

        public void OnAck(SipRequest ack, SipFlow flow)
        {
        }

        public void OnCancel(ServerInviteTransaction invite, SipRequest cancel)
        {
        }

        public void OnStrayResponse(SipResponse response, SipFlow flow)
        {
        }

        public void OnAckTimeout(ServerInviteTransaction invite)
        {
        }
    }

    private static async Task<(ProcessorFixture Fixture, SipStack Stack)> StartAsync()
    {
        var fixture = new ProcessorFixture();
        var service = new RegistrarService(fixture.Processor, new SipTransactionOptions(), NullLogger<RegistrarService>.Instance);
        var stack = new SipStack(new SipStackOptions { ListenEndPoints = [new IPEndPoint(IPAddress.Loopback, 0)] },
            new Dispatcher(service), fixture.Inner.Time, NullLoggerFactory.Instance);
        await stack.StartAsync();
        return (fixture, stack);
    }

    private static string Register(string transport, int localPort, int cseq, string? authorization) =>
        SipRegistrarHarness.Register(user: "1000", authorization: authorization, cseq: cseq, branch: "z9hG4bKloop",
                contact: $"<sip:{{0}}@127.0.0.1:{localPort};transport={transport.ToLowerInvariant()}>", callId: $"loop-{transport}")
            .Replace("Via: SIP/2.0/UDP 10.240.80.69:59531", $"Via: SIP/2.0/{transport} 127.0.0.1:{localPort}", StringComparison.Ordinal)
            .Replace(";rport=35646;received=198.51.100.20", ";rport", StringComparison.Ordinal);

    [Fact]
    public async Task A_phone_registers_over_udp()
    {
        var (fixture, stack) = await StartAsync();
        await using var _ = fixture;
        await using var __ = stack;
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = ((IPEndPoint)phone.Client.LocalEndPoint!).Port;
        var server = stack.BoundEndPoints[0];

        await phone.SendAsync(SipStackFixture.Bytes(Register("UDP", local, 1, null)), server);
        var challenge = await SipStackFixture.ReceiveResponseAsync(phone);
        Assert.Equal(401, challenge.StatusCode);
        var auth = SipRegistrarHarness.Authorize(challenge.GetHeader("WWW-Authenticate")!, "1000", "1234");
        await phone.SendAsync(SipStackFixture.Bytes(Register("UDP", local, 2, auth)), server);
        var ok = await SipStackFixture.ReceiveResponseAsync(phone);

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal($"<sip:1000@127.0.0.1:{local};transport=udp>;expires=3600", ok.GetHeader("Contact"));
        var binding = Assert.Single(fixture.Processor.GetBindings("1000", ProcessorFixture.Domain));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, local), binding.Received);
        Assert.Equal(BindingTransport.Udp, binding.Transport);
        Assert.False(binding.BehindNat);
    }

    [Fact]
    public async Task A_phone_registers_over_tcp_and_the_binding_keeps_the_connection()
    {
        var (fixture, stack) = await StartAsync();
        await using var _ = fixture;
        await using var __ = stack;
        using var phone = new TcpClient();
        await phone.ConnectAsync(stack.BoundEndPoints[0]).WaitAsync(SipStackFixture.Wait);
        var local = ((IPEndPoint)phone.Client.LocalEndPoint!).Port;
        var stream = phone.GetStream();

        await stream.WriteAsync(SipStackFixture.Bytes(Register("TCP", local, 1, null)));
        var challenge = await SipStackFixture.ReceiveResponseAsync(stream, []);
        Assert.Equal(401, challenge.StatusCode);
        var auth = SipRegistrarHarness.Authorize(challenge.GetHeader("WWW-Authenticate")!, "1000", "1234");
        await stream.WriteAsync(SipStackFixture.Bytes(Register("TCP", local, 2, auth)));
        var ok = await SipStackFixture.ReceiveResponseAsync(stream, []);

        Assert.Equal(200, ok.StatusCode);
        var binding = Assert.Single(fixture.Processor.GetBindings("1000", ProcessorFixture.Domain));
        Assert.Equal(BindingTransport.Tcp, binding.Transport);
        Assert.NotNull(binding.ConnectionId);
        Assert.Equal(local, binding.Received.Port);
        Assert.Equal("Registered(TCP)", binding.Status);
    }
}
