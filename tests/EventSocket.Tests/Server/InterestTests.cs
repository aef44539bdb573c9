namespace Switch.EventSocket.Tests.Server;

/// <summary>The host asks which events anyone has asked for, to skip building the others.</summary>
public sealed class InterestTests
{
    [Fact]
    public async Task Only_events_some_client_asked_for_are_wanted_and_the_interest_outlives_the_client()
    {
        await using var fx = await ServerFixture.StartAsync();
        Assert.False(fx.Server.Wants("CHANNEL_PARK"));
        Assert.False(fx.Server.Wants("CUSTOM", "sofia::register"));

        var client = await fx.LoginAsync();
        await client.CommandAsync("event plain CHANNEL_PARK CUSTOM sofia::register");
        Assert.True(fx.Server.Wants("CHANNEL_PARK"));
        Assert.False(fx.Server.Wants("CHANNEL_CREATE"));
        Assert.True(fx.Server.Wants("CUSTOM", "sofia::register"));
        Assert.False(fx.Server.Wants("CUSTOM", "sofia::expire"));
        Assert.True(fx.Server.Wants("SOME_EVENT_THE_SERVER_DOES_NOT_KNOW"));

        // A reconnecting client may `event resume`: what it asked for stays wanted after it leaves.
        await client.CommandAsync("nixevent CHANNEL_PARK");
        await client.DisposeAsync();
        await ServerFixture.EventuallyAsync(() => !fx.Server.HasListenerFor("CHANNEL_PARK"), "the closed connection is no listener");
        Assert.True(fx.Server.Wants("CHANNEL_PARK"));
    }

    [Fact]
    public async Task All_and_myevents_make_every_event_wanted()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var all = await fx.LoginAsync();
        await all.CommandAsync("event json ALL");
        Assert.True(fx.Server.Wants("CHANNEL_CREATE"));
        Assert.True(fx.Server.Wants("CUSTOM", "sofia::expire"));

        await using var fx2 = await ServerFixture.StartAsync();
        await using var mine = await fx2.LoginAsync();
        Assert.False(fx2.Server.Wants("CHANNEL_CREATE"));
        fx2.Switch.AddChannel("4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b");
        Assert.Equal("+OK Events Enabled", await mine.CommandAsync("myevents 4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b"));
        Assert.True(fx2.Server.Wants("CHANNEL_CREATE"));
    }

    [Fact]
    public async Task The_host_gets_the_interest_with_its_subscription()
    {
        await using var fx = await ServerFixture.StartAsync();
        var wants = Assert.IsType<Func<string, string?, bool>>(fx.Switch.Interest);
        Assert.False(wants("CHANNEL_ANSWER", null));
        await using var client = await fx.LoginAsync();
        await client.CommandAsync("event plain CHANNEL_ANSWER");
        Assert.True(wants("CHANNEL_ANSWER", null));
    }
}
