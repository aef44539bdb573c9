using System.Net;
using System.Net.Sockets;

namespace Switch.EventSocket.Tests.Server;

public sealed class OutboundTests
{
    [Fact]
    public async Task Outbound_session_answers_connect_with_channel_data_and_serves_the_channel()
    {
        await using var fx = await ServerFixture.StartAsync(o => o.ListenAddress = null);
        fx.Switch.AddChannel("A");
        using var controller = new TcpListener(IPAddress.Loopback, 0);
        controller.Start();
        var accept = controller.AcceptSocketAsync();
        var session = await fx.Server.ConnectOutboundAsync(controller.LocalEndpoint, "A", CancellationToken.None).WaitAsync(RawClient.Timeout);
        await using var client = RawClient.FromSocket(await accept.WaitAsync(RawClient.Timeout));

        await client.SendAsync("connect\n\n");
        var (reply, raw) = await client.ReadAsync();
        Assert.Equal("Event-Name: CHANNEL_DATA\nUnique-ID: A\nChannel-Name: sofia/internal/1000%40192.0.2.10\nvariable_sip_to_user: 1001\nContent-Type: command/reply\nReply-Text: %2BOK%0A\nSocket-Mode: async\nControl: full\n\n", raw);
        Assert.Equal("+OK\n", reply.ReplyText);
        await session.ConnectReceived.WaitAsync(RawClient.Timeout);

        Assert.Equal("+OK event listener enabled json", await client.CommandAsync("event json BACKGROUND_JOB CHANNEL_EXECUTE_COMPLETE"));
        Assert.Equal("+OK Events Enabled", await client.CommandAsync("myevents"));
        Assert.Equal("+OK will linger", await client.CommandAsync("linger"));
        Assert.Equal("+OK", await client.CommandAsync("sendmsg\ncall-command: execute\nexecute-app-name: park"));
        Assert.True(fx.Switch.SendMsgs.TryDequeue(out var msg));
        Assert.Equal("A", msg.Uuid);

        fx.Switch.FireChannel("CHANNEL_ANSWER", "B");
        fx.Switch.FireChannel("CHANNEL_EXECUTE_COMPLETE", "A", ("Application", "park"));
        var (json, _) = await client.ReadAsync();
        Assert.Equal("text/event-json", json.ContentType);
        Assert.True(json.TryGetEvent(out var evt));
        Assert.Equal(("CHANNEL_EXECUTE_COMPLETE", "A"), (evt!.EventName, evt.UniqueId));

        Assert.Equal("+OK", await client.CommandAsync("resume"));
        Assert.True(session.ResumeRequested);
        fx.Switch.FireChannel("CHANNEL_HANGUP_COMPLETE", "A");
        Assert.Equal("CHANNEL_HANGUP_COMPLETE", (await client.ReadEventAsync()).EventName);
        Assert.Equal("linger", (await client.ReadAsync()).Message.GetHeader("Content-Disposition"));
        Assert.Equal("+OK bye", await client.CommandAsync("exit"));
        Assert.Equal("A", (await client.ReadAsync()).Message.GetHeader("Controlled-Session-UUID"));
        await session.Completion.WaitAsync(RawClient.Timeout);
    }

    [Fact]
    public async Task Outbound_bgapi_result_reaches_the_owner_through_myevents()
    {
        await using var fx = await ServerFixture.StartAsync(o => o.ListenAddress = null);
        fx.Switch.AddChannel("A");
        fx.Switch.Api["status"] = _ => "UP\n";
        using var controller = new TcpListener(IPAddress.Loopback, 0);
        controller.Start();
        var accept = controller.AcceptSocketAsync();
        await fx.Server.ConnectOutboundAsync(controller.LocalEndpoint, "A", CancellationToken.None);
        await using var client = RawClient.FromSocket(await accept.WaitAsync(RawClient.Timeout));
        await client.SendAsync("connect\n\n");
        await client.ReadAsync();
        await client.CommandAsync("event plain BACKGROUND_JOB");
        await client.CommandAsync("myevents");
        await client.SendAsync("bgapi status\nJob-UUID: j1\n\n");
        Assert.Equal("+OK Job-UUID: j1", (await client.ReadAsync()).Message.ReplyText);
        var job = await client.ReadEventAsync();
        Assert.Equal(("j1", "A", "UP\n"), (job.GetHeader("Job-UUID"), job.GetHeader("Job-Owner-UUID"), job.Body));
    }

    [Fact]
    public async Task Outbound_without_linger_closes_on_hangup_and_without_connect_times_out()
    {
        var time = new ManualTimeProvider();
        await using var fx = await ServerFixture.StartAsync(o => { o.ListenAddress = null; o.AuthTimeout = TimeSpan.FromSeconds(25); }, time);
        fx.Switch.AddChannel("A");
        using var controller = new TcpListener(IPAddress.Loopback, 0);
        controller.Start();

        var accept = controller.AcceptSocketAsync();
        var silent = await fx.Server.ConnectOutboundAsync(controller.LocalEndpoint, "A", CancellationToken.None);
        await using var quiet = RawClient.FromSocket(await accept.WaitAsync(RawClient.Timeout));
        time.Advance(TimeSpan.FromSeconds(25));
        Assert.Equal("disconnect", Assert.Single(await quiet.ReadUntilClosedAsync()).GetHeader("Content-Disposition"));
        await silent.Completion.WaitAsync(RawClient.Timeout);

        accept = controller.AcceptSocketAsync();
        var session = await fx.Server.ConnectOutboundAsync(controller.LocalEndpoint, "A", CancellationToken.None);
        await using var client = RawClient.FromSocket(await accept.WaitAsync(RawClient.Timeout));
        await client.SendAsync("connect\n\n");
        await client.ReadAsync();
        fx.Switch.FireChannel("CHANNEL_HANGUP_COMPLETE", "A");
        var messages = await client.ReadUntilClosedAsync();
        Assert.Equal("disconnect", Assert.Single(messages).GetHeader("Content-Disposition"));
        await session.Completion.WaitAsync(RawClient.Timeout);
    }

    [Fact]
    public async Task Outbound_connect_failure_is_reported_quickly()
    {
        await using var fx = await ServerFixture.StartAsync(o => o.ListenAddress = null);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = probe.LocalEndpoint;
        probe.Stop();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAsync<EslConnectException>(() => fx.Server.ConnectOutboundAsync(closedPort, "A", CancellationToken.None));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3));
    }
}
