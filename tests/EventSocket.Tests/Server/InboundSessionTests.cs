namespace Switch.EventSocket.Tests.Server;

public sealed class InboundSessionTests
{
    private const string Notice = "Content-Type: text/disconnect-notice\nContent-Length: 67\n\nDisconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

    [Fact]
    public async Task Greets_with_auth_request_and_accepts_the_password_byte_exactly()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await RawClient.ConnectAsync(fx.EndPoint);
        Assert.Equal("Content-Type: auth/request\n\n", (await client.ReadAsync()).Raw);
        await client.SendAsync("auth ClueCon\n\n");
        Assert.Equal("Content-Type: command/reply\nReply-Text: +OK accepted\n\n", (await client.ReadAsync()).Raw);
    }

    [Theory]
    [InlineData("auth clueCon")]
    [InlineData("auth ClueCon ")]
    [InlineData("auth ")]
    public async Task Wrong_password_gets_invalid_then_notice_then_close(string line)
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await RawClient.ConnectAsync(fx.EndPoint);
        await client.ReadAsync();
        await client.SendAsync(line + "\n\n");
        Assert.Equal("Content-Type: command/reply\nReply-Text: -ERR invalid\n\n", (await client.ReadAsync()).Raw);
        Assert.Equal(Notice, (await client.ReadAsync()).Raw);
        Assert.Empty(await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task Before_auth_other_commands_are_not_found_and_the_connection_stays()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await RawClient.ConnectAsync(fx.EndPoint);
        await client.ReadAsync();
        Assert.Equal("-ERR command not found", await client.CommandAsync("api status"));
        Assert.Equal("-ERR command not found", await client.CommandAsync("event plain ALL"));
        Assert.Empty(fx.Switch.ApiCalls);
        Assert.Equal("+OK accepted", await client.CommandAsync("auth ClueCon"));
    }

    [Theory]
    [InlineData("exit")]
    [InlineData("EXIT now")]
    [InlineData("...")]
    public async Task Exit_replies_bye_then_notice_then_closes(string line)
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        await client.SendAsync(line + "\n\n");
        Assert.Equal("Content-Type: command/reply\nReply-Text: +OK bye\n\n", (await client.ReadAsync()).Raw);
        Assert.Equal(Notice, (await client.ReadAsync()).Raw);
        Assert.Empty(await client.ReadUntilClosedAsync());
        await ServerFixture.EventuallyAsync(() => fx.Server.ConnectionCount == 0, "connection removed");
    }

    [Fact]
    public async Task Exit_works_before_auth()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await RawClient.ConnectAsync(fx.EndPoint);
        await client.ReadAsync();
        Assert.Equal("+OK bye", await client.CommandAsync("exit"));
        Assert.Equal("text/disconnect-notice", (await client.ReadAsync()).Message.ContentType);
    }

    [Fact]
    public async Task Userauth_uses_the_configured_check_and_returns_allowed_headers()
    {
        await using var fx = await ServerFixture.StartAsync(o => o.UserAuthenticator = (u, d, p) => u == "1000" && d == "example.com" && p == "secret");
        foreach (var line in new[] { "userauth 1000@example.com:secret", "userauth 1000:secret@example.com" })
        {
            await using var client = await RawClient.ConnectAsync(fx.EndPoint);
            await client.ReadAsync();
            await client.SendAsync(line + "\n\n");
            Assert.Equal(
                "Content-Type: command/reply\nReply-Text: +OK accepted\nAllowed-Events: all\nAllowed-API: all\nAllowed-LOG: true\n\n",
                (await client.ReadAsync()).Raw);
        }

        await using var bad = await RawClient.ConnectAsync(fx.EndPoint);
        await bad.ReadAsync();
        Assert.Equal("-ERR invalid", await bad.CommandAsync("userauth 1000@example.com:wrong"));
    }

    [Fact]
    public async Task Acl_rejects_with_rude_rejection_and_notice_and_no_greeting()
    {
        await using var fx = await ServerFixture.StartAsync(o => o.Acl = ["10.0.0.0/8"]);
        await using var client = await RawClient.ConnectAsync(fx.EndPoint);
        Assert.Equal("Content-Type: text/rude-rejection\nContent-Length: 24\n\nAccess Denied, go away.\n", (await client.ReadAsync()).Raw);
        Assert.Equal(Notice, (await client.ReadAsync()).Raw);
        Assert.Empty(await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task Default_acl_admits_loopback()
    {
        await using var fx = await ServerFixture.StartAsync(o => o.Acl = null);
        await using var client = await fx.LoginAsync();
        Assert.Equal("+OK bye", await client.CommandAsync("exit"));
    }

    [Fact]
    public async Task Failed_auths_from_one_address_are_refused_until_the_window_passes()
    {
        var time = new ManualTimeProvider();
        await using var fx = await ServerFixture.StartAsync(o => { o.MaxFailedAuths = 2; o.FailedAuthWindow = TimeSpan.FromMinutes(1); }, time);
        for (var i = 0; i < 2; i++)
        {
            await using var guesser = await RawClient.ConnectAsync(fx.EndPoint);
            await guesser.ReadAsync();
            Assert.Equal("-ERR invalid", await guesser.CommandAsync("auth guess" + i));
        }

        await using (var refused = await RawClient.ConnectAsync(fx.EndPoint))
        {
            Assert.Equal("text/rude-rejection", (await refused.ReadAsync()).Message.ContentType);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        await using var later = await fx.LoginAsync();
        Assert.Equal("+OK bye", await later.CommandAsync("exit"));
    }

    [Fact]
    public async Task Failed_auth_reply_is_delayed_on_the_injected_clock()
    {
        var time = new ManualTimeProvider();
        await using var fx = await ServerFixture.StartAsync(o => o.FailedAuthDelay = TimeSpan.FromSeconds(2), time);
        await using var client = await RawClient.ConnectAsync(fx.EndPoint);
        await client.ReadAsync();
        await client.SendAsync("auth nope\n\n");
        var reply = client.ReadAsync();
        await Task.Delay(100);
        Assert.False(reply.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("-ERR invalid", (await reply).Message.ReplyText);
    }

    [Fact]
    public async Task Unauthenticated_connection_is_closed_after_the_auth_timeout()
    {
        var time = new ManualTimeProvider();
        await using var fx = await ServerFixture.StartAsync(o => o.AuthTimeout = TimeSpan.FromSeconds(25), time);
        await using var client = await RawClient.ConnectAsync(fx.EndPoint);
        await client.ReadAsync();
        await using var authed = await fx.LoginAsync();
        time.Advance(TimeSpan.FromSeconds(24));
        Assert.Equal("-ERR command not found", await client.CommandAsync("noevents"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Notice, (await client.ReadAsync()).Raw);
        Assert.Empty(await client.ReadUntilClosedAsync());
        Assert.Equal("+OK event listener enabled plain", await authed.CommandAsync("event plain ALL"));
    }

    [Fact]
    public async Task Connection_limit_refuses_extra_clients_with_a_notice()
    {
        await using var fx = await ServerFixture.StartAsync(o => o.MaxConnections = 1);
        await using var first = await fx.LoginAsync();
        await using var second = await RawClient.ConnectAsync(fx.EndPoint);
        var messages = await second.ReadUntilClosedAsync();
        var notice = Assert.Single(messages);
        Assert.Equal("text/disconnect-notice", notice.ContentType);
        Assert.Equal("+OK bye", await first.CommandAsync("exit"));
    }

    [Fact]
    public async Task Stop_sends_the_shutdown_notice()
    {
        var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        await fx.Server.StopAsync(CancellationToken.None).WaitAsync(RawClient.Timeout);
        var messages = await client.ReadUntilClosedAsync();
        Assert.Equal("The system is being shut down.\n", Assert.Single(messages).BodyText);
        await fx.DisposeAsync();
    }
}
