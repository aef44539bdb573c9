namespace Switch.EventSocket.Tests.Server;

/// <summary>The host asks whether any controller would hear about a new call (no listener: the call is refused).</summary>
public sealed class ListenerQueryTests
{
    [Fact]
    public async Task A_connection_counts_as_a_listener_only_while_subscribed_to_that_event_for_every_channel()
    {
        await using var fx = await ServerFixture.StartAsync();
        Assert.False(fx.Server.HasListenerFor("CHANNEL_PARK"));

        await using var client = await fx.LoginAsync();
        Assert.False(fx.Server.HasListenerFor("CHANNEL_PARK"));

        await client.CommandAsync("event json CHANNEL_ANSWER");
        Assert.False(fx.Server.HasListenerFor("CHANNEL_PARK"));

        await client.CommandAsync("event json CHANNEL_PARK");
        Assert.True(fx.Server.HasListenerFor("CHANNEL_PARK"));

        await client.CommandAsync("nixevent CHANNEL_PARK");
        Assert.False(fx.Server.HasListenerFor("CHANNEL_PARK"));

        await client.CommandAsync("event plain ALL");
        Assert.True(fx.Server.HasListenerFor("CHANNEL_PARK"));

        await client.CommandAsync("noevents");
        Assert.False(fx.Server.HasListenerFor("CHANNEL_PARK"));
    }

    [Fact]
    public async Task A_closed_connection_stops_counting()
    {
        await using var fx = await ServerFixture.StartAsync();
        var client = await fx.LoginAsync();
        await client.CommandAsync("event plain CHANNEL_CREATE");
        Assert.True(fx.Server.HasListenerFor("CHANNEL_CREATE"));
        await client.DisposeAsync();
        await ServerFixture.EventuallyAsync(() => !fx.Server.HasListenerFor("CHANNEL_CREATE"), "the closed connection is no listener");
    }
}
