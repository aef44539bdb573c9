using System.Text;

namespace Switch.EventSocket.Tests.Server;

public sealed class CommandTests
{
    [Fact]
    public async Task Api_returns_the_output_as_api_response_with_byte_accurate_length()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.Api["uuid_exists"] = _ => "true";
        fx.Switch.Api["echo"] = a => a ?? string.Empty;
        await using var client = await fx.LoginAsync();
        await client.SendAsync("api uuid_exists 8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f\n\n");
        Assert.Equal("Content-Type: api/response\nContent-Length: 4\n\ntrue", (await client.ReadAsync()).Raw);
        Assert.Contains(("uuid_exists", "8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f"), fx.Switch.ApiCalls);

        await client.SendAsync("api echo  two  spaces Müller\nconsole_execute: true\n\n");
        var (message, raw) = await client.ReadAsync();
        Assert.Equal(" two  spaces Müller", message.BodyText);
        Assert.StartsWith($"Content-Type: api/response\nContent-Length: {Encoding.UTF8.GetByteCount(" two  spaces Müller")}\n\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_empty_output_is_no_reply_and_unknown_command_comes_from_the_executor()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.Api["silent"] = _ => string.Empty;
        await using var client = await fx.LoginAsync();
        await client.SendAsync("api silent\n\n");
        Assert.Equal("-ERR no reply\n", (await client.ReadAsync()).Message.BodyText);
        await client.SendAsync("api status2\n\n");
        Assert.Equal("Content-Type: api/response\nContent-Length: 32\n\n-ERR status2 Command not found!\n", (await client.ReadAsync()).Raw);
    }

    [Fact]
    public async Task Api_throwing_executor_gives_an_error_body_and_keeps_the_connection()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.Api["boom"] = _ => throw new InvalidOperationException("bug");
        await using var client = await fx.LoginAsync();
        await client.SendAsync("api boom\n\n");
        Assert.Equal("-ERR command failed\n", (await client.ReadAsync()).Message.BodyText);
        Assert.Equal("+OK bye", await client.CommandAsync("exit"));
    }

    [Fact]
    public async Task Api_without_space_is_not_a_command()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        Assert.Equal("-ERR command not found", await client.CommandAsync("api"));
        Assert.Equal("-ERR command not found", await client.CommandAsync("status"));
    }

    [Fact]
    public async Task BgApi_reuses_the_client_job_uuid_and_delivers_background_job_after_the_reply()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.Api["originate"] = _ => "+OK 2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f\n";
        await using var client = await fx.LoginAsync();
        Assert.Equal("+OK event listener enabled plain", await client.CommandAsync("event plain BACKGROUND_JOB"));
        await client.SendAsync("bgapi originate {origination_uuid=2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f}user/1001 &park()\nJob-UUID: f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e\n\n");
        Assert.Equal(
            "Content-Type: command/reply\nReply-Text: +OK Job-UUID: f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e\nJob-UUID: f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e\n\n",
            (await client.ReadAsync()).Raw);
        var job = await client.ReadEventAsync();
        Assert.Equal("BACKGROUND_JOB", job.EventName);
        Assert.Equal("f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e", job.GetHeader("Job-UUID"));
        Assert.Equal("originate", job.GetHeader("Job-Command"));
        Assert.Equal("{origination_uuid=2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f}user/1001 &park()", job.GetHeader("Job-Command-Arg"));
        Assert.Null(job.GetHeader("Job-Owner-UUID"));
        Assert.Equal("+OK 2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f\n", job.Body);
    }

    [Fact]
    public async Task BgApi_generates_a_job_uuid_and_only_subscribers_get_the_result()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.Api["status"] = _ => "UP\n";
        await using var issuer = await fx.LoginAsync();
        await using var listener = await fx.LoginAsync();
        await listener.CommandAsync("event json ALL");
        var (reply, _) = await SendBgApi(issuer);
        var jobUuid = reply.GetHeader("Job-UUID");
        Assert.True(Guid.TryParse(jobUuid, out _));
        Assert.Equal("+OK Job-UUID: " + jobUuid, reply.ReplyText);
        var job = await listener.ReadEventAsync();
        Assert.Equal(jobUuid, job.GetHeader("Job-UUID"));
        Assert.Null(job.GetHeader("Job-Command-Arg"));
        Assert.Equal("UP\n", job.Body);

        // The issuer is not subscribed: its next message is the reply to its next command.
        Assert.Equal("+OK bye", await issuer.CommandAsync("exit"));

        static async Task<(EslMessage, string)> SendBgApi(RawClient client)
        {
            await client.SendAsync("bgapi status\n\n");
            return await client.ReadAsync();
        }
    }

    [Fact]
    public async Task Unknown_commands_are_not_found()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        Assert.Equal("Content-Type: command/reply\nReply-Text: -ERR command not found\n\n", await RawReply(client, "bogus thing"));
        Assert.Equal("-ERR command not found", await client.CommandAsync("connect"));
        Assert.Equal("-ERR command not found", await client.CommandAsync("getvar x"));
        Assert.Equal("-ERR command not found", await client.CommandAsync("resume"));
    }

    private static async Task<string> RawReply(RawClient client, string line)
    {
        await client.SendAsync(line + "\n\n");
        return (await client.ReadAsync()).Raw;
    }

    [Fact]
    public async Task Sendmsg_targets_argument_then_session_id_and_passes_headers_and_body()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.AddChannel("8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f");
        await using var client = await fx.LoginAsync();
        await client.SendAsync("sendmsg 8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f\nEvent-UUID: 0a1b\ncall-command: execute\nexecute-app-name: playback\ncontent-type: text/plain\ncontent-length: 21\n\n/var/sounds/hello.wav\n\n\n");
        Assert.Equal("Content-Type: command/reply\nReply-Text: +OK\n\n", (await client.ReadAsync()).Raw);
        Assert.True(fx.Switch.SendMsgs.TryDequeue(out var msg));
        Assert.Equal("8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f", msg.Uuid);
        Assert.Equal("/var/sounds/hello.wav", msg.Body);
        var parsed = EslSendMsg.Parse(msg.Headers, msg.Body);
        Assert.Equal(("execute", "playback", "/var/sounds/hello.wav", "0a1b"), (parsed.CallCommand, parsed.ApplicationName, parsed.ApplicationArgument, parsed.EventUuid));

        Assert.Equal("+OK", await client.CommandAsync("sendmsg\nsession-id: 8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f\ncall-command: hangup\nhangup-cause: USER_BUSY"));
        Assert.True(fx.Switch.SendMsgs.TryDequeue(out var hangup));
        Assert.Equal("USER_BUSY", EslSendMsg.Parse(hangup.Headers, null).HangupCause);

        Assert.Equal("-ERR invalid session id []", await client.CommandAsync("sendmsg\ncall-command: hangup"));
        Assert.Equal("-ERR invalid session id [nope]", await client.CommandAsync("sendmsg nope\ncall-command: hangup"));
    }

    [Fact]
    public async Task Sendevent_publishes_through_the_host_and_replies_with_the_event_uuid()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        await client.CommandAsync("event plain CUSTOM sms::send_message");
        await client.SendAsync("sendevent custom\nEvent-Subclass: sms::send_message\nto: 1001\ncontent-length: 5\n\nhello");
        var (reply, _) = await client.ReadAsync();
        var eventUuid = reply.ReplyText!["+OK ".Length..];
        Assert.True(Guid.TryParse(eventUuid, out _));
        var evt = await client.ReadEventAsync();
        Assert.Equal("CUSTOM", evt.EventName);
        Assert.Equal("sms::send_message", evt.EventSubclass);
        Assert.Equal("1001", evt.GetHeader("to"));
        Assert.Equal(eventUuid, evt.GetHeader("Event-UUID"));
        Assert.Equal("hello", evt.Body);
    }

    [Theory]
    [InlineData("log", "+OK log level  [7]", 7)]
    [InlineData("log ", "+OK log level  [7]", 7)]
    [InlineData("log debug", "+OK log level debug [7]", 7)]
    [InlineData("log ERR", "+OK log level ERR [3]", 3)]
    [InlineData("log 5", "+OK log level 5 [5]", 5)]
    public async Task Log_sets_the_level_and_delivers_log_data(string line, string reply, int level)
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        Assert.Equal(reply, await client.CommandAsync(line));
        fx.Switch.Log(new EslLogLine(level + 1 > 7 ? 7 : level + 1, "too verbose\n", "f.c", "fn", 1));
        fx.Switch.Log(new EslLogLine(level, "just right\n", "switch_channel.c", "switch_channel_set_name", 1142, "u1"));
        var (message, raw) = await client.ReadAsync();
        if (level == 7)
        {
            (message, raw) = await client.ReadAsync();
        }

        Assert.Equal("log/data", message.ContentType);
        Assert.Equal("just right\n", message.BodyText);
        Assert.Equal($"Content-Type: log/data\nContent-Length: 11\nLog-Level: {level}\nText-Channel: 3\nLog-File: switch_channel.c\nLog-Func: switch_channel_set_name\nLog-Line: 1142\nUser-Data: u1\n\njust right\n", raw);
        Assert.Equal("+OK no longer logging", await client.CommandAsync("nolog"));
        Assert.Equal("-ERR not loging", await client.CommandAsync("nolog"));
    }

    [Fact]
    public async Task Log_with_a_bad_level_is_refused_and_no_log_is_sent_without_log()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        fx.Switch.Log(new EslLogLine(0, "nobody asked\n", "f.c", "fn", 1));
        Assert.Equal("-ERR invalid log level", await client.CommandAsync("log 9"));
        Assert.Equal("-ERR invalid log level", await client.CommandAsync("log loud"));
    }

    [Fact]
    public async Task Session_commands_need_a_bound_channel()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        Assert.Equal("-ERR not controlling a session", await client.CommandAsync("linger"));
        Assert.Equal("-ERR not controlling a session", await client.CommandAsync("nolinger"));
        Assert.Equal("-ERR not controlling a session.", await client.CommandAsync("divert_events on"));
        Assert.Equal("-ERR invalid uuid", await client.CommandAsync("myevents 00000000-0000-0000-0000-000000000000"));
    }

    [Fact]
    public async Task Every_command_gets_exactly_one_reply_in_order()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.Api["n"] = a => a + "\n";
        await using var client = await fx.LoginAsync();
        var batch = new StringBuilder();
        for (var i = 0; i < 50; i++)
        {
            batch.Append(i % 2 == 0 ? $"api n {i}\n\n" : $"filter X {i}\r\n\r\n");
        }

        await client.SendAsync(batch.ToString());
        for (var i = 0; i < 50; i++)
        {
            var (message, _) = await client.ReadAsync();
            Assert.Equal(i % 2 == 0 ? $"{i}\n" : $"+OK filter added. [X]=[{i}]", i % 2 == 0 ? message.BodyText : message.ReplyText);
        }
    }
}
