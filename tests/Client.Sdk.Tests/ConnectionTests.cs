using Switch.Client.Tests.Fakes;
using Switch.EventSocket;

namespace Switch.Client.Tests;

public sealed class ConnectionTests
{
    [Fact]
    public async Task Connect_authenticates_with_the_password()
    {
        await using var server = new FakeEslServer();
        var connecting = EventSocketClient.ConnectAsync("127.0.0.1", server.Port, "s3cret");
        var peer = await server.AcceptAsync();
        await peer.GreetAsync();
        var auth = await peer.ReadCommandAsync();
        Assert.Equal("auth s3cret", auth.Line);
        await peer.ReplyAsync("+OK accepted");

        await using var client = await connecting.WaitAsync(FakeEslPeer.Timeout);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Wrong_password_fails_with_an_authentication_error()
    {
        await using var server = new FakeEslServer();
        var connecting = EventSocketClient.ConnectAsync("127.0.0.1", server.Port, "wrong");
        var peer = await server.AcceptAsync();
        await peer.GreetAsync();
        await peer.ExpectAsync("auth wrong");
        await peer.ReplyAsync("-ERR invalid");
        await peer.DisconnectNoticeAsync();

        var error = await Assert.ThrowsAsync<EventSocketAuthenticationException>(() => connecting.WaitAsync(FakeEslPeer.Timeout));
        Assert.Contains("-ERR invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acl_rejection_fails_with_an_authentication_error()
    {
        await using var server = new FakeEslServer();
        var connecting = EventSocketClient.ConnectAsync("127.0.0.1", server.Port, "ClueCon");
        var peer = await server.AcceptAsync();
        await peer.WriteAsync(EslFrameWriter.WriteRudeRejection);
        await peer.DisconnectNoticeAsync();

        var error = await Assert.ThrowsAsync<EventSocketAuthenticationException>(() => connecting.WaitAsync(FakeEslPeer.Timeout));
        Assert.Contains("Access Denied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_switch_fails_with_a_disconnected_error()
    {
        int port;
        await using (var server = new FakeEslServer())
        {
            port = server.Port;
        }

        await Assert.ThrowsAsync<EventSocketDisconnectedException>(() =>
            EventSocketClient.ConnectAsync("127.0.0.1", port, "ClueCon").WaitAsync(FakeEslPeer.Timeout));
    }

    [Fact]
    public async Task Dispose_sends_exit()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        var disposing = client.DisposeAsync().AsTask();
        await peer.ExpectAsync("exit");
        await peer.ReplyAsync("+OK bye");
        await disposing.WaitAsync(FakeEslPeer.Timeout);
        Assert.False(client.IsConnected);
        Assert.True(await peer.WaitForCloseAsync());
    }

    [Fact]
    public async Task Disconnect_fails_commands_in_flight()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync(o => o.AutoReconnect = false);
        await using var _ = client;
        var api = client.ApiAsync("status");
        await peer.ExpectAsync("api status");
        var bgapi = client.BgApiAsync("originate user/1000 &park()");
        await peer.ExpectAsync("event json BACKGROUND_JOB");
        await peer.ReplyAsync("+OK event listener enabled json");
        var command = await peer.ExpectAsync("bgapi originate");
        await peer.BgApiReplyAsync(command.GetHeader("Job-UUID")!);
        peer.Close();

        await Assert.ThrowsAsync<EventSocketDisconnectedException>(() => api.WaitAsync(FakeEslPeer.Timeout));
        await Assert.ThrowsAsync<EventSocketDisconnectedException>(() => bgapi.WaitAsync(FakeEslPeer.Timeout));
        await Assert.ThrowsAsync<EventSocketDisconnectedException>(() => client.ApiAsync("status").WaitAsync(FakeEslPeer.Timeout));
    }

    [Fact]
    public async Task Connection_lost_is_reported_without_reconnect_when_disabled()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync(o => o.AutoReconnect = false);
        await using var _ = client;
        var lost = new TaskCompletionSource<ConnectionLostEventArgs>();
        client.ConnectionLost += (_, e) => lost.TrySetResult(e);
        peer.Close();

        var args = await lost.Task.WaitAsync(FakeEslPeer.Timeout);
        Assert.False(args.WillReconnect);
        Assert.False(client.IsConnected);
    }
}
