using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Switch.Sip.Message;
using Switch.Sip.Transport;
using Switch.Tests.Sip.Message;

namespace Switch.Tests.Sip.Transport;

public sealed class SipTransportTests
{
    [Fact]
    public async Task Udp_response_goes_to_the_source_port_with_received_and_rport()
    {
        await using var f = await SipStackFixture.StartAsync();
        f.Handler.Accept = tx => tx.TryRespond(200);
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)phone.Client.LocalEndPoint!).Port;
        await phone.SendAsync(SipStackFixture.Bytes(SipStackFixture.Request("MESSAGE", f.EndPoint.Port, user: "1018")), f.EndPoint);

        var response = await SipStackFixture.ReceiveResponseAsync(phone);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("127.0.0.1", response.TopVia!.Received);
        Assert.Equal(port, response.TopVia.RPort);
        var tx = Assert.Single(f.Handler.Requests);
        Assert.Equal(SipTransportType.Udp, tx.Flow.Transport);
        Assert.Equal(port, tx.Flow.Remote.Port);
        Assert.Equal(f.EndPoint, tx.Flow.Local);
        Assert.Equal(port, tx.Request.TopVia!.RPort);
    }

    [Fact]
    public async Task Responses_to_alternating_peers_each_reach_their_own_port()
    {
        await using var f = await SipStackFixture.StartAsync();
        f.Handler.Accept = tx => tx.TryRespond(200);
        using var first = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var second = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        for (var i = 0; i < 3; i++)
        {
            foreach (var phone in new[] { first, second })
            {
                var branch = "z9hG4bK-alt-" + i + "-" + ((IPEndPoint)phone.Client.LocalEndPoint!).Port;
                await phone.SendAsync(SipStackFixture.Bytes(SipStackFixture.Request("MESSAGE", f.EndPoint.Port, branch: branch, user: "1018")), f.EndPoint);
                var response = await SipStackFixture.ReceiveResponseAsync(phone);
                Assert.Equal(branch, response.TopVia!.Branch);
                Assert.Equal(((IPEndPoint)phone.Client.LocalEndPoint!).Port, response.TopVia.RPort);
            }
        }
    }

    [Fact]
    public async Task A_silenced_source_is_dropped_before_parsing_and_others_are_answered()
    {
        var silenced = false;
        await using var f = await SipStackFixture.StartAsync(transport: new SipTransportOptions { IsSilenced = _ => Volatile.Read(ref silenced) });
        f.Handler.Accept = _ => false;
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        Volatile.Write(ref silenced, true);
        await phone.SendAsync(SipStackFixture.Bytes(SipStackFixture.Request("OPTIONS", f.EndPoint.Port, branch: "z9hG4bKs1")), f.EndPoint);
        await phone.SendAsync("garbage that would get a 400\r\n\r\n"u8.ToArray(), f.EndPoint);
        await SipStackFixture.EventuallyAsync(() => f.Stack.Transport.SilencedDrops == 2);

        Volatile.Write(ref silenced, false);
        await phone.SendAsync(SipStackFixture.Bytes(SipStackFixture.Request("OPTIONS", f.EndPoint.Port, branch: "z9hG4bKs2")), f.EndPoint);
        var ok = await SipStackFixture.ReceiveResponseAsync(phone);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("z9hG4bKs2", ok.TopVia!.Branch);
    }

    [Fact]
    public async Task Options_to_the_switch_is_answered_200_and_unknown_method_501()
    {
        await using var f = await SipStackFixture.StartAsync();
        f.Handler.Accept = _ => false;
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await phone.SendAsync(SipStackFixture.Bytes(SipStackFixture.Request("OPTIONS", f.EndPoint.Port)), f.EndPoint);
        var ok = await SipStackFixture.ReceiveResponseAsync(phone);
        Assert.Equal(200, ok.StatusCode);
        Assert.NotNull(ok.GetHeader("Allow"));

        await phone.SendAsync(SipStackFixture.Bytes(SipStackFixture.Request("FROBNICATE", f.EndPoint.Port, branch: "z9hG4bKt2", user: "x")), f.EndPoint);
        Assert.Equal(501, (await SipStackFixture.ReceiveResponseAsync(phone)).StatusCode);
    }

    [Fact]
    public async Task Tcp_framing_survives_splits_and_answers_on_the_same_connection()
    {
        await using var f = await SipStackFixture.StartAsync();
        using var client = new TcpClient();
        await client.ConnectAsync(f.EndPoint);
        var stream = client.GetStream();
        var bytes = SipStackFixture.Bytes(SipStackFixture.Request("OPTIONS", f.EndPoint.Port, "TCP"));
        foreach (var chunk in bytes.Chunk(7))
        {
            await stream.WriteAsync(chunk);
            await stream.FlushAsync();
        }

        var response = await SipStackFixture.ReceiveResponseAsync(stream, []);
        Assert.Equal(200, response.StatusCode);

        // Two messages in one write are both answered.
        var two = SipStackFixture.Bytes(SipStackFixture.Request("OPTIONS", f.EndPoint.Port, "TCP", "z9hG4bKa") + SipStackFixture.Request("OPTIONS", f.EndPoint.Port, "TCP", "z9hG4bKb"));
        await stream.WriteAsync(two);
        Assert.Equal(200, (await SipStackFixture.ReceiveResponseAsync(stream, [])).StatusCode);
        Assert.Equal(1, f.Stack.Transport.ConnectionCount);
    }

    [Fact]
    public async Task Garbage_closes_only_that_connection()
    {
        await using var f = await SipStackFixture.StartAsync();
        using var bad = new TcpClient();
        using var good = new TcpClient();
        await bad.ConnectAsync(f.EndPoint);
        await good.ConnectAsync(f.EndPoint);
        await bad.GetStream().WriteAsync(SipStackFixture.Bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        using var cts = new CancellationTokenSource(SipStackFixture.Wait);
        var n = await bad.GetStream().ReadAsync(new byte[100], cts.Token);
        Assert.Equal(0, n);

        var stream = good.GetStream();
        await stream.WriteAsync(SipStackFixture.Bytes(SipStackFixture.Request("OPTIONS", f.EndPoint.Port, "TCP")));
        Assert.Equal(200, (await SipStackFixture.ReceiveResponseAsync(stream, [])).StatusCode);
    }

    [Fact]
    public async Task Idle_tcp_connections_are_closed()
    {
        await using var f = await SipStackFixture.StartAsync(transport: new SipTransportOptions { TcpIdleTimeout = TimeSpan.FromSeconds(10) });
        using var client = new TcpClient();
        await client.ConnectAsync(f.EndPoint);
        await client.GetStream().WriteAsync(SipStackFixture.Bytes("\r\n\r\n"));
        using var cts = new CancellationTokenSource(SipStackFixture.Wait);
        var pong = new byte[2];
        Assert.Equal(2, await client.GetStream().ReadAsync(pong, cts.Token));
        Assert.Equal("\r\n"u8.ToArray(), pong);

        f.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, f.Stack.Transport.ConnectionCount);
        f.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(0, await client.GetStream().ReadAsync(new byte[10], cts.Token));
    }

    [Theory]
    [InlineData("badvers", 505)]
    [InlineData("unkscm", 416)]
    [InlineData("bext01", 420)]
    [InlineData("insuf", 400)]
    [InlineData("ltgtruri", 400)]
    [InlineData("quotbal", 400)]
    public async Task Torture_request_over_udp_gets_its_status(string name, int status)
    {
        await using var f = await SipStackFixture.StartAsync(transport: new SipTransportOptions { ForceRport = true });
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await phone.SendAsync(TortureCorpus.Get(name).Bytes, f.EndPoint);
        using var cts = new CancellationTokenSource(SipStackFixture.Wait);
        string text;
        do
        {
            // A 400 for an unparseable request echoes its (possibly broken) headers raw: read the status line only.
            text = System.Text.Encoding.UTF8.GetString((await phone.ReceiveAsync(cts.Token)).Buffer);
        }
        while (text.StartsWith("SIP/2.0 100 ", StringComparison.Ordinal));

        Assert.StartsWith($"SIP/2.0 {status} ", text, StringComparison.Ordinal);
        Assert.Empty(f.Handler.Requests);
    }

    [Fact]
    public async Task Ipv6_loopback_works()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return;
        }

        await using var f = await SipStackFixture.StartAsync(IPAddress.IPv6Loopback);
        using var phone = new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        await phone.SendAsync(SipStackFixture.Bytes(SipStackFixture.Request("OPTIONS", f.EndPoint.Port, host: "[::1]", viaHost: "[2001:db8::1]:5999")), f.EndPoint);
        var ok = await SipStackFixture.ReceiveResponseAsync(phone);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("::1", ok.TopVia!.Received);
    }

    [Fact]
    public async Task Siptrace_logs_both_directions_in_freeswitch_layout()
    {
        await using var f = await SipStackFixture.StartAsync();
        var entries = new List<string>();
        f.Stack.Trace.Sink = e =>
        {
            lock (entries)
            {
                entries.Add(e);
            }
        };
        f.Stack.Trace.Enabled = true;
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)phone.Client.LocalEndPoint!).Port;
        var request = SipStackFixture.Bytes(SipStackFixture.Request("OPTIONS", f.EndPoint.Port));
        await phone.SendAsync(request, f.EndPoint);
        _ = await SipStackFixture.ReceiveResponseAsync(phone);
        f.Stack.Trace.Enabled = false;
        await phone.SendAsync(SipStackFixture.Bytes(SipStackFixture.Request("OPTIONS", f.EndPoint.Port, branch: "z9hG4bKquiet")), f.EndPoint);
        _ = await SipStackFixture.ReceiveResponseAsync(phone);

        lock (entries)
        {
            Assert.Equal(2, entries.Count);
            Assert.StartsWith($"recv {request.Length} bytes from udp/[127.0.0.1]:{port} to [127.0.0.1]:{f.EndPoint.Port} at ", entries[0], StringComparison.Ordinal);
            Assert.Contains("\n   ------------------------------------------------------------------------\n   OPTIONS sip:127.0.0.1 SIP/2.0\n", entries[0], StringComparison.Ordinal);
            Assert.StartsWith($"send ", entries[1], StringComparison.Ordinal);
            Assert.Contains($" bytes to udp/[127.0.0.1]:{port} from [127.0.0.1]:{f.EndPoint.Port} at ", entries[1], StringComparison.Ordinal);
            Assert.Contains("   SIP/2.0 200 OK\n", entries[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Requests_over_tcp_reuse_the_inbound_connection_and_stop_is_prompt()
    {
        var f = await SipStackFixture.StartAsync();
        using var client = new TcpClient();
        await client.ConnectAsync(f.EndPoint);
        var stream = client.GetStream();
        await stream.WriteAsync(SipStackFixture.Bytes(SipStackFixture.Request("OPTIONS", f.EndPoint.Port, "TCP")));
        _ = await SipStackFixture.ReceiveResponseAsync(stream, []);

        var local = (IPEndPoint)client.Client.LocalEndPoint!;
        var request = SipMessageBuilder.Request("MESSAGE", SipUri.Parse($"sip:phone@127.0.0.1:{local.Port};transport=tcp"))
            .AddHeader("From", "<sip:switch@127.0.0.1>;tag=s1").AddHeader("To", "<sip:phone@127.0.0.1>")
            .AddHeader("Call-ID", "m1").AddHeader("CSeq", "1 MESSAGE").AddHeader("Max-Forwards", "70").BuildRequest();
        var tx = f.Stack.Transactions.SendRequest(request, new SipTarget(SipTransportType.Tcp, local));

        var framer = new SipStreamFramer();
        var received = new List<byte>();
        using var cts = new CancellationTokenSource(SipStackFixture.Wait);
        SipRequest? got = null;
        while (got is null)
        {
            var chunk = new byte[4096];
            var n = await stream.ReadAsync(chunk, cts.Token);
            Assert.True(n > 0);
            received.AddRange(chunk.AsSpan(0, n));
            var seq = new System.Buffers.ReadOnlySequence<byte>(received.ToArray());
            while (framer.TryFrame(ref seq, out var frame, out _) == SipFrameStatus.Message)
            {
                if (SipMessageParser.TryParseRequest(frame.ToArray(), out var r, out _))
                {
                    got = r;
                }
            }
        }

        Assert.Equal("MESSAGE", got.Method);
        Assert.Equal("TCP", got.TopVia!.Transport);
        Assert.Equal(f.EndPoint.Port, got.TopVia.Port);
        await stream.WriteAsync(SipResponse.CreateFor(got, 200, toTag: "p1").ToArray());
        Assert.Equal(200, (await tx.FinalResponse.WaitAsync(SipStackFixture.Wait)).StatusCode);
        Assert.Equal(1, f.Stack.Transport.ConnectionCount);

        var stop = f.Stack.StopAsync();
        await stop.WaitAsync(TimeSpan.FromSeconds(5));
        await f.DisposeAsync();
    }
}
