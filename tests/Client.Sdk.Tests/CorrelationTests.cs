using System.Globalization;
using Switch.Client.Tests.Fakes;
using Switch.EventSocket;

namespace Switch.Client.Tests;

public sealed class CorrelationTests
{
    [Fact]
    public async Task Hundred_concurrent_api_calls_each_get_their_own_response()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;

        var calls = Enumerable.Range(0, 100).Select(i => Task.Run(() => client.ApiAsync("echo " + i.ToString(CultureInfo.InvariantCulture)))).ToArray();
        for (var i = 0; i < 100; i++)
        {
            var command = await peer.ExpectAsync("api echo ");
            if (i % 10 == 0)
            {
                await peer.EventAsync(TestEvents.Create("HEARTBEAT"));
            }

            await peer.ApiResponseAsync("out:" + command.Line["api echo ".Length..]);
        }

        var results = await Task.WhenAll(calls).WaitAsync(FakeEslPeer.Timeout);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("out:" + i.ToString(CultureInfo.InvariantCulture), results[i].Body);
        }
    }

    [Fact]
    public async Task Api_and_command_replies_are_matched_per_content_type()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;

        var api = client.ApiAsync("uuid_exists abc");
        await peer.ExpectAsync("api uuid_exists abc");
        var command = client.SendCommandAsync("log debug");
        await peer.ExpectAsync("log debug");

        // The command/reply is written before the api/response: each must still reach its own caller.
        await peer.ReplyAsync("+OK log level debug [7]");
        await peer.ApiResponseAsync("true");

        Assert.Equal("+OK log level debug [7]", (await command.WaitAsync(FakeEslPeer.Timeout)).ReplyText);
        var response = await api.WaitAsync(FakeEslPeer.Timeout);
        Assert.Equal("true", response.Body);
        Assert.True(response.IsOk);
    }

    [Fact]
    public async Task Cancelled_wait_keeps_its_slot_so_later_replies_still_match()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;

        using var cts = new CancellationTokenSource();
        var first = client.ApiAsync("first", cts.Token);
        await peer.ExpectAsync("api first");
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        var second = client.ApiAsync("second");
        await peer.ExpectAsync("api second");
        await peer.ApiResponseAsync("reply-to-first");
        await peer.ApiResponseAsync("reply-to-second");
        Assert.Equal("reply-to-second", (await second.WaitAsync(FakeEslPeer.Timeout)).Body);
    }

    [Fact]
    public async Task Bgapi_completes_on_its_own_background_job_even_out_of_order()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;

        var jobs = Enumerable.Range(0, 5).Select(i => client.BgApiAsync("status " + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        await peer.ExpectAsync("event json BACKGROUND_JOB");
        await peer.ReplyAsync("+OK event listener enabled json");
        var ids = new List<(string Job, string Arg)>();
        for (var i = 0; i < 5; i++)
        {
            var command = await peer.ExpectAsync("bgapi status ");
            var jobUuid = command.GetHeader("Job-UUID");
            Assert.False(string.IsNullOrEmpty(jobUuid));
            ids.Add((jobUuid!, command.Line["bgapi status ".Length..]));
            await peer.BgApiReplyAsync(jobUuid!);
        }

        Assert.Equal(5, ids.Select(x => x.Job).Distinct().Count());
        foreach (var (job, arg) in Enumerable.Reverse(ids))
        {
            await peer.EventAsync(TestEvents.Job(job, "+OK " + arg + "\n"));
        }

        var results = await Task.WhenAll(jobs).WaitAsync(FakeEslPeer.Timeout);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("+OK " + i.ToString(CultureInfo.InvariantCulture) + "\n", results[i].Output);
            Assert.True(results[i].IsOk);
        }
    }

    [Fact]
    public async Task Bgapi_refused_by_the_switch_throws()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        await SubscribeAllAsync(client, peer, EslEventFormat.Plain);

        var job = client.BgApiAsync("status");
        await peer.ExpectAsync("bgapi status");
        await peer.ReplyAsync("-ERR permission denied");
        var error = await Assert.ThrowsAsync<EventSocketCommandException>(() => job.WaitAsync(FakeEslPeer.Timeout));
        Assert.Equal("-ERR permission denied", error.ReplyText);
    }

    [Fact]
    public async Task Execute_completes_on_the_matching_execute_complete_only()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        const string Uuid = "8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f";

        var execute = client.ExecuteAsync(Uuid, "playback", "/tmp/hello.wav");
        await peer.ExpectAsync("event json CHANNEL_EXECUTE_COMPLETE CHANNEL_HANGUP_COMPLETE");
        await peer.ReplyAsync("+OK event listener enabled json");
        var sendmsg = await peer.ExpectAsync("sendmsg " + Uuid);
        Assert.Equal("execute", sendmsg.GetHeader("call-command"));
        Assert.Equal("playback", sendmsg.GetHeader("execute-app-name"));
        Assert.Equal("/tmp/hello.wav", sendmsg.GetHeader("execute-app-arg"));
        var eventUuid = sendmsg.GetHeader("Event-UUID")!;
        await peer.ReplyAsync("+OK");

        await peer.EventAsync(TestEvents.ExecuteComplete(Uuid, "playback", Guid.NewGuid().ToString(), "FILE PLAYED"));
        await peer.EventAsync(TestEvents.ExecuteComplete(Uuid, "answer", "someone-else"));
        Assert.False(execute.IsCompleted);
        await peer.EventAsync(TestEvents.ExecuteComplete(Uuid, "playback", eventUuid, "FILE NOT FOUND"));

        var done = await execute.WaitAsync(FakeEslPeer.Timeout);
        Assert.Equal(eventUuid, done.ApplicationUuid);
        Assert.Equal("FILE NOT FOUND", done.ApplicationResponse);
    }

    [Fact]
    public async Task Execute_refused_by_the_switch_throws_a_command_error()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        await SubscribeAllAsync(client, peer);

        var execute = client.ExecuteAsync("nope", "answer");
        await peer.ExpectAsync("sendmsg nope");
        await peer.ReplyAsync("-ERR invalid session id [nope]");
        var error = await Assert.ThrowsAsync<EventSocketCommandException>(() => execute.WaitAsync(FakeEslPeer.Timeout));
        Assert.Equal("-ERR invalid session id [nope]", error.ReplyText);
    }

    [Fact]
    public async Task Execute_fails_with_the_cause_when_the_channel_hangs_up_first()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        await SubscribeAllAsync(client, peer);

        var execute = client.ExecuteAsync("leg-1", "playback", "x.wav");
        await peer.ExpectAsync("sendmsg leg-1");
        await peer.ReplyAsync("+OK");
        await peer.EventAsync(TestEvents.Channel("CHANNEL_HANGUP_COMPLETE", "leg-1", ("Hangup-Cause", "ORIGINATOR_CANCEL")));

        var error = await Assert.ThrowsAsync<ChannelHangupException>(() => execute.WaitAsync(FakeEslPeer.Timeout));
        Assert.Equal(HangupCause.OriginatorCancel, error.Cause);
    }

    [Fact]
    public async Task Hangup_sends_the_cause_name()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;

        var hangup = client.HangupAsync("leg-9", HangupCause.UserNotRegistered);
        var command = await peer.ExpectAsync("sendmsg leg-9");
        Assert.Equal("hangup", command.GetHeader("call-command"));
        Assert.Equal("USER_NOT_REGISTERED", command.GetHeader("hangup-cause"));
        await peer.ReplyAsync("+OK");
        await hangup.WaitAsync(FakeEslPeer.Timeout);
    }

    internal static async Task SubscribeAllAsync(EventSocketClient client, FakeEslPeer peer, EslEventFormat format = EslEventFormat.Json)
    {
        var subscribing = client.SubscribeAsync(format, "ALL");
        await peer.ExpectAsync("event " + EventSocketConnection.FormatWord(format) + " ALL");
        await peer.ReplyAsync("+OK event listener enabled " + EventSocketConnection.FormatWord(format));
        await subscribing.WaitAsync(FakeEslPeer.Timeout);
    }
}
