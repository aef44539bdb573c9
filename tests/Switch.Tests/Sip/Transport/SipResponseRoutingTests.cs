using System.Net;
using System.Net.Sockets;
using Switch.Sip.Message;
using Switch.Sip.Transactions;

namespace Switch.Tests.Sip.Transport;

public sealed class SipResponseRoutingTests
{
    [Fact]
    public async Task Udp_without_rport_goes_to_received_and_the_via_port()
    {
        await using var f = await SipStackFixture.StartAsync();
        f.Handler.Accept = tx => tx.TryRespond(200);
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)phone.Client.LocalEndPoint!).Port;
        var text = SipStackFixture.Request("MESSAGE", f.EndPoint.Port, user: "u", viaHost: $"phone.invalid:{port}").Replace(";rport", string.Empty, StringComparison.Ordinal);
        await phone.SendAsync(SipStackFixture.Bytes(text), f.EndPoint);
        var response = await SipStackFixture.ReceiveResponseAsync(phone);
        Assert.Equal("127.0.0.1", response.TopVia!.Received);
        Assert.False(response.TopVia.HasRPort);
    }

    [Fact]
    public async Task Tcp_response_opens_a_connection_to_the_via_address_when_the_original_is_gone()
    {
        await using var f = await SipStackFixture.StartAsync();
        SipServerTransaction? pending = null;
        f.Handler.Accept = tx =>
        {
            pending = tx;
            return true;
        };
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var viaPort = ((IPEndPoint)listener.LocalEndpoint).Port;

        using (var client = new TcpClient(AddressFamily.InterNetwork))
        {
            await client.ConnectAsync(f.EndPoint);
            var text = SipStackFixture.Request("MESSAGE", f.EndPoint.Port, "TCP", user: "u", viaHost: $"127.0.0.1:{viaPort}").Replace(";rport", string.Empty, StringComparison.Ordinal);
            await client.GetStream().WriteAsync(SipStackFixture.Bytes(text));
            using var wait = new CancellationTokenSource(SipStackFixture.Wait);
            while (pending is null)
            {
                await Task.Delay(10, wait.Token);
            }
        }

        using (var wait = new CancellationTokenSource(SipStackFixture.Wait))
        {
            while (f.Stack.Transport.ConnectionCount > 0)
            {
                await Task.Delay(10, wait.Token);
            }
        }

        Assert.True(pending!.TryRespond(200));
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(SipStackFixture.Wait);
        var response = await SipStackFixture.ReceiveResponseAsync(accepted.GetStream(), []);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(pending.Request.CallId, response.CallId);
    }
}
