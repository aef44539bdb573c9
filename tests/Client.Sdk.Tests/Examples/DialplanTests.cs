using System.Collections.Concurrent;
using Switch.Client.Tests.Fakes;
using Switch.EventSocket;
using Switch.Examples.Router;

namespace Switch.Client.Tests.Examples;

/// <summary>The Router's dialplan against a fake switch that answers every command.</summary>
public sealed class DialplanTests
{
    private readonly ConcurrentQueue<string> _lines = new();

    private async Task<(EventSocketClient Client, FakeEslPeer Peer, AutoSwitch Switch, Task Serving)> StartAsync(FakeEslServer server)
    {
        var (client, peer) = await server.ConnectAsync(o => o.AutoReconnect = false);
        var fake = new AutoSwitch(peer);
        var serving = fake.RunAsync();
        await client.SubscribeAsync(EslEventFormat.Json, EventNames.ChannelLifecycle);
        return (client, peer, fake, serving);
    }

    private static Channel Parked(EventSocketClient client, string uuid, string destination) =>
        client.GetChannel((ChannelEvent)EventMessage.Create(TestEvents.Channel("CHANNEL_PARK", uuid, ("Call-Direction", "inbound"), ("Caller-Destination-Number", destination))));

    [Fact]
    public async Task Failed_bridge_hangs_up_with_the_failure_cause()
    {
        await using var server = new FakeEslServer();
        var (client, peer, fake, serving) = await StartAsync(server);
        await using var _ = client;
        fake.BridgeFailure = "USER_NOT_REGISTERED";

        await new Dialplan("9196", _lines.Enqueue).RouteAsync(Parked(client, "a-1", "1001"), "1001", CancellationToken.None).WaitAsync(FakeEslPeer.Timeout);

        Assert.Equal(["bridge a-1 user/1001", "bridge-failed a-1 USER_NOT_REGISTERED", "hangup a-1 USER_NOT_REGISTERED"], _lines);
        peer.Close();
        await serving.WaitAsync(FakeEslPeer.Timeout);
    }

    [Fact]
    public async Task Unknown_destination_is_unallocated()
    {
        await using var server = new FakeEslServer();
        var (client, peer, fake, serving) = await StartAsync(server);
        await using var _ = client;

        await new Dialplan("9196", _lines.Enqueue).RouteAsync(Parked(client, "a-2", "*99"), "*99", CancellationToken.None).WaitAsync(FakeEslPeer.Timeout);

        Assert.Equal(["hangup a-2 UNALLOCATED_NUMBER"], _lines);
        Assert.Contains(fake.Commands, c => c == "sendmsg a-2");
        peer.Close();
        await serving.WaitAsync(FakeEslPeer.Timeout);
    }

    [Fact]
    public async Task Successful_bridge_reports_the_other_leg_and_ends_the_call()
    {
        await using var server = new FakeEslServer();
        var (client, peer, _, serving) = await StartAsync(server);
        await using var __ = client;
        var call = Parked(client, "a-3", "1002");
        await peer.EventAsync(TestEvents.Channel("CHANNEL_BRIDGE", "a-3", ("Bridge-A-Unique-ID", "a-3"), ("Bridge-B-Unique-ID", "b-3")));
        await call.WaitForBridgeAsync().WaitAsync(FakeEslPeer.Timeout);

        await new Dialplan("9196", _lines.Enqueue).RouteAsync(call, "1002", CancellationToken.None).WaitAsync(FakeEslPeer.Timeout);

        Assert.Equal(["bridge a-3 user/1002", "bridged a-3 b-3", "ended a-3 NORMAL_CLEARING"], _lines);
        peer.Close();
        await serving.WaitAsync(FakeEslPeer.Timeout);
    }
}
