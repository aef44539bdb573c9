using System.Collections.Concurrent;
using Switch.Client.Tests.Fakes;
using Switch.EventSocket;
using Switch.Examples.CallCenter;

namespace Switch.Client.Tests.Examples;

/// <summary>The call center's ESL plumbing against a fake switch that answers every command the way the switch would.</summary>
public sealed class QueueControllerTests
{
        private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineAdded = new(0);

    [Fact]
    public async Task Caller_is_queued_offered_bridged_and_the_agent_wraps_up_after_the_call()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync(o => o.AutoReconnect = false);
        await using var _ = client;
        var fake = new AutoSwitch(peer);
        var serving = fake.RunAsync();
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
        Assert.Contains(fake.Commands, c => c.StartsWith("bgapi originate {origination_uuid=", StringComparison.Ordinal) && c.Contains("origination_caller_id_number=1000", StringComparison.Ordinal) && c.EndsWith("user/1008 &park()", StringComparison.Ordinal));
        Assert.Contains(fake.Commands, c => c == "api uuid_break caller-1 all");
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
        var fake = new AutoSwitch(peer);
        var serving = fake.RunAsync();
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
                Assert.Fail($"'{line}' not printed; got: {string.Join(" | ", _lines)}; commands: {"see test"}");
            }
        }
    }
}
