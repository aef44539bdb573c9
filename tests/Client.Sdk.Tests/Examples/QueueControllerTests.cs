using System.Collections.Concurrent;
using Switch.Client.Tests.Fakes;
using Switch.EventSocket;
using Switch.Examples.CallCenter;

namespace Switch.Client.Tests.Examples;

/// <summary>The call center's ESL plumbing against a fake switch that answers every command the way the switch would.</summary>
public sealed class QueueControllerTests
{
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineAdded = new(0);

    [Fact]
    public async Task Caller_is_queued_offered_bridged_and_the_agent_wraps_up_after_the_call()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync(o => o.AutoReconnect = false);
        await using var _ = client;
        var serving = Task.Run(() => ServeAsync(peer));
        await client.SubscribeAsync(EslEventFormat.Json, [.. EventNames.ChannelLifecycle, EventNames.BackgroundJob]);

        var queue = new CallQueue(new QueueOptions { Number = "5000", WrapUp = TimeSpan.FromSeconds(10) }, new ManualTimeProvider());
        var controller = new QueueController(client, queue, Print);
        controller.LogIn("1008");
        using var stop = new CancellationTokenSource();
        var running = controller.RunAsync(stop.Token);

        await peer.EventAsync(TestEvents.Channel("CHANNEL_PARK", "caller-1", ("Call-Direction", "inbound"), ("Caller-Destination-Number", "5000"), ("Caller-Caller-ID-Number", "1000")));
        await WaitForLineAsync("bridged caller-1 agent 1008");
        Assert.Contains(_lines, l => l == "caller-queued caller-1 1000");
        Assert.Contains(_lines, l => l == "offer caller-1 agent 1008");
        Assert.Contains(_commands, c => c.StartsWith("bgapi originate {origination_uuid=", StringComparison.Ordinal) && c.Contains("origination_caller_id_number=1000", StringComparison.Ordinal) && c.EndsWith("user/1008 &park()", StringComparison.Ordinal));
        Assert.Contains(_commands, c => c == "api uuid_break caller-1 all");
        Assert.Equal("in-call", controller.Snapshot().Agents.Single().State);

        await peer.EventAsync(TestEvents.Channel("CHANNEL_HANGUP", "caller-1", ("Hangup-Cause", "NORMAL_CLEARING")));
        await WaitForLineAsync("call-ended caller-1 agent 1008 wrap-up 10s");
        var stats = controller.Snapshot();
        Assert.Equal(("wrap-up", 1L, 0L), (stats.Agents.Single().State, stats.Answered, stats.Abandoned));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(FakeEslPeer.Timeout));
        peer.Close();
        await serving.WaitAsync(FakeEslPeer.Timeout);
    }

    [Fact]
    public async Task Caller_who_hangs_up_while_waiting_is_counted_as_abandoned()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync(o => o.AutoReconnect = false);
        await using var _ = client;
        var serving = Task.Run(() => ServeAsync(peer));
        await client.SubscribeAsync(EslEventFormat.Json, [.. EventNames.ChannelLifecycle, EventNames.BackgroundJob]);
        var queue = new CallQueue(new QueueOptions { Number = "5000" }, new ManualTimeProvider());
        var controller = new QueueController(client, queue, Print);
        using var stop = new CancellationTokenSource();
        var running = controller.RunAsync(stop.Token);

        await peer.EventAsync(TestEvents.Channel("CHANNEL_PARK", "caller-2", ("Call-Direction", "inbound"), ("Caller-Destination-Number", "5000"), ("Caller-Caller-ID-Number", "1001")));
        await WaitForLineAsync("caller-queued caller-2 1001");
        await peer.EventAsync(TestEvents.Channel("CHANNEL_HANGUP", "caller-2", ("Hangup-Cause", "ORIGINATOR_CANCEL")));
        await WaitForLineAsync("caller-abandoned caller-2 ORIGINATOR_CANCEL");
        var stats = controller.Snapshot();
        Assert.Equal((1L, 1L, 0), (stats.Entered, stats.Abandoned, stats.Waiting));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(FakeEslPeer.Timeout));
        peer.Close();
        await serving.WaitAsync(FakeEslPeer.Timeout);
    }

    private void Print(string line)
    {
        _lines.Enqueue(line);
        _lineAdded.Release();
    }

    private async Task WaitForLineAsync(string line)
    {
        using var timeout = new CancellationTokenSource(FakeEslPeer.Timeout);
        while (!_lines.Contains(line))
        {
            try
            {
                await _lineAdded.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"'{line}' not printed; got: {string.Join(" | ", _lines)}; commands: {string.Join(" | ", _commands)}");
            }
        }
    }

    /// <summary>Plays the switch until the connection closes (a write racing the test's close ends it too).</summary>
    private async Task ServeAsync(FakeEslPeer peer)
    {
        try
        {
            await ServeCommandsAsync(peer);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Replies to every command and emits the events that follow it, as the switch would.</summary>
    private async Task ServeCommandsAsync(FakeEslPeer peer)
    {
        var playbacks = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            EslCommand command;
            try
            {
                command = await peer.ReadCommandAsync();
            }
            catch (Exception e) when (e is EndOfStreamException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            _commands.Enqueue(command.Line);
            if (command.Is("event"))
            {
                await peer.ReplyAsync("+OK event listener enabled json");
            }
            else if (command.Is("sendmsg"))
            {
                var uuid = command.ArgumentsAfter("sendmsg");
                await peer.ReplyAsync("+OK");
                var app = command.GetHeader("execute-app-name");
                var eventUuid = command.GetHeader("Event-UUID") ?? string.Empty;
                if (command.GetHeader("call-command") == "hangup")
                {
                    var cause = command.GetHeader("hangup-cause") ?? "NORMAL_CLEARING";
                    await peer.EventAsync(TestEvents.Channel("CHANNEL_HANGUP", uuid, ("Hangup-Cause", cause)));
                    await peer.EventAsync(TestEvents.Channel("CHANNEL_HANGUP_COMPLETE", uuid, ("Hangup-Cause", cause)));
                }
                else if (app == "playback")
                {
                    playbacks[uuid] = eventUuid;
                }
                else
                {
                    await peer.EventAsync(TestEvents.ExecuteComplete(uuid, app ?? string.Empty, eventUuid, "_none_", ("Answer-State", "answered")));
                }
            }
            else if (command.Is("bgapi"))
            {
                var job = command.GetHeader("Job-UUID")!;
                await peer.BgApiReplyAsync(job);
                var leg = command.Line.Split("origination_uuid=", 2)[1].Split(',', '}')[0];
                await peer.EventAsync(TestEvents.Channel("CHANNEL_ANSWER", leg, ("Answer-State", "answered"), ("Call-Direction", "outbound")));
                await peer.EventAsync(TestEvents.Job(job, "+OK " + leg + "\n"));
            }
            else if (command.Is("api"))
            {
                var words = command.ArgumentsAfter("api").Split(' ');
                await peer.ApiResponseAsync("+OK\n");
                if (words[0] == "uuid_break" && playbacks.Remove(words[1], out var eventUuid))
                {
                    await peer.EventAsync(TestEvents.ExecuteComplete(words[1], "playback", eventUuid, "FILE PLAYED"));
                }
                else if (words[0] == "uuid_bridge")
                {
                    await peer.EventAsync(TestEvents.Channel("CHANNEL_BRIDGE", words[1], ("Bridge-A-Unique-ID", words[1]), ("Bridge-B-Unique-ID", words[2])));
                }
            }
            else if (command.Is("exit"))
            {
                await peer.ReplyAsync("+OK bye");
                return;
            }
            else
            {
                await peer.ReplyAsync("-ERR command not found");
            }
        }
    }
}
