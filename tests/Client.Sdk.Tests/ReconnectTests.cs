using Switch.Client.Tests.Fakes;
using Switch.EventSocket;

namespace Switch.Client.Tests;

public sealed class ReconnectTests
{
    private static Action<EventSocketClientOptions> Manual(ManualTimeProvider time) => o =>
    {
        o.TimeProvider = time;
        o.ReconnectInitialDelay = TimeSpan.FromSeconds(1);
        o.ReconnectMaxDelay = TimeSpan.FromSeconds(8);
        o.ReconnectJitter = 0;
    };

    [Fact]
    public async Task Reconnects_with_backoff_and_restores_subscriptions_and_filters()
    {
        var time = new ManualTimeProvider();
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync(Manual(time));
        await using var _ = client;
        var subscribing = client.SubscribeAsync(EslEventFormat.Plain, "CHANNEL_PARK", "CUSTOM sofia::register");
        await peer.ExpectAsync("event plain CHANNEL_PARK CUSTOM sofia::register");
        await peer.ReplyAsync("+OK event listener enabled plain");
        await subscribing;
        var filtering = client.FilterAsync("Call-Direction", "inbound");
        await peer.ExpectAsync("filter Call-Direction inbound");
        await peer.ReplyAsync("+OK filter added. [Call-Direction]=[inbound]");
        await filtering;

        await using var events = client.ReadEventsAsync().GetAsyncEnumerator();
        var firstEvent = events.MoveNextAsync();
        await peer.EventAsync(TestEvents.Channel("CHANNEL_PARK", "before"), EslEventFormat.Plain);
        Assert.True(await firstEvent.AsTask().WaitAsync(FakeEslPeer.Timeout));

        var reconnected = new TaskCompletionSource<ReconnectedEventArgs>();
        client.Reconnected += (_, e) => reconnected.TrySetResult(e);
        var lost = new TaskCompletionSource<ConnectionLostEventArgs>();
        client.ConnectionLost += (_, e) => lost.TrySetResult(e);
        peer.Close();
        Assert.True((await lost.Task.WaitAsync(FakeEslPeer.Timeout)).WillReconnect);

        // First attempt after 1 s: refuse it (wrong state: close at once) so the next waits 2 s.
        await time.WaitForTimerAsync();
        Assert.Equal([TimeSpan.FromSeconds(1)], time.PendingDelays());
        time.Advance(TimeSpan.FromSeconds(1));
        var refused = await server.AcceptAsync();
        refused.Close();
        await time.WaitForTimerAsync();
        Assert.Equal([TimeSpan.FromSeconds(2)], time.PendingDelays());
        time.Advance(TimeSpan.FromSeconds(2));

        var again = await server.AcceptAuthenticatedAsync();
        await again.ExpectAsync("event plain CHANNEL_PARK CUSTOM sofia::register");
        await again.ReplyAsync("+OK event listener enabled plain");
        await again.ExpectAsync("filter Call-Direction inbound");
        await again.ReplyAsync("+OK filter added. [Call-Direction]=[inbound]");
        await again.ExpectAsync("event resume " + events.Current.Sequence);
        await again.ReplyAsync("-ERR no keywords supplied");

        var args = await reconnected.Task.WaitAsync(FakeEslPeer.Timeout);
        Assert.Equal(2, args.Attempts);
        Assert.False(args.Resumed);
        Assert.False(client.SupportsEventResume);
        Assert.True(client.IsConnected);

        // The same enumeration continues on the new connection, and commands work again.
        var next = events.MoveNextAsync();
        await again.EventAsync(TestEvents.Channel("CHANNEL_PARK", "after"), EslEventFormat.Plain);
        Assert.True(await next.AsTask().WaitAsync(FakeEslPeer.Timeout));
        Assert.Equal("after", events.Current.UniqueId);
        var api = client.ApiAsync("status");
        await again.ExpectAsync("api status");
        await again.ApiResponseAsync("UP");
        Assert.Equal("UP", (await api.WaitAsync(FakeEslPeer.Timeout)).Body);
    }

    [Fact]
    public async Task Resume_replays_missed_events_without_duplicates()
    {
        var time = new ManualTimeProvider();
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync(Manual(time));
        await using var _ = client;
        await CorrelationTests.SubscribeAllAsync(client, peer);
        await using var events = client.ReadEventsAsync().GetAsyncEnumerator();
        var first = events.MoveNextAsync();
        await peer.EventAsync(TestEvents.Create("HEARTBEAT", sequence: 500));
        Assert.True(await first.AsTask().WaitAsync(FakeEslPeer.Timeout));

        var reconnected = new TaskCompletionSource<ReconnectedEventArgs>();
        client.Reconnected += (_, e) => reconnected.TrySetResult(e);
        peer.Close();
        await time.WaitForTimerAsync();
        time.Advance(TimeSpan.FromSeconds(1));

        var again = await server.AcceptAuthenticatedAsync();
        await again.ExpectAsync("event json ALL");
        await again.ReplyAsync("+OK event listener enabled json");
        // A live event slips in before the resume reply; the replay then repeats it.
        await again.EventAsync(TestEvents.Create("HEARTBEAT", sequence: 502));
        await again.ExpectAsync("event resume 500");
        await again.ReplyAsync("+OK resumed 2 events, 3 missing");
        await again.EventAsync(TestEvents.Create("HEARTBEAT", sequence: 501));
        await again.EventAsync(TestEvents.Create("HEARTBEAT", sequence: 502));
        await again.EventAsync(TestEvents.Create("HEARTBEAT", sequence: 503));

        var args = await reconnected.Task.WaitAsync(FakeEslPeer.Timeout);
        Assert.True(args.Resumed);
        Assert.Equal(2, args.ReplayedEvents);
        Assert.Equal(3, args.MissedEvents);
        Assert.True(client.SupportsEventResume);

        var seen = new List<long?>();
        for (var i = 0; i < 2; i++)
        {
            Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(FakeEslPeer.Timeout));
            seen.Add(events.Current.Sequence);
        }

        Assert.Equal([502L, 503L], seen);
    }

    [Fact]
    public async Task A_restarted_switch_is_not_deduplicated_against_the_old_sequence()
    {
        var time = new ManualTimeProvider();
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync(Manual(time));
        await using var _ = client;
        await CorrelationTests.SubscribeAllAsync(client, peer);
        await using var events = client.ReadEventsAsync().GetAsyncEnumerator();
        var first = events.MoveNextAsync();
        await peer.EventAsync(TestEvents.Create("HEARTBEAT", sequence: 900));
        Assert.True(await first.AsTask().WaitAsync(FakeEslPeer.Timeout));
        peer.Close();
        await time.WaitForTimerAsync();
        time.Advance(TimeSpan.FromSeconds(1));

        var again = await server.AcceptAuthenticatedAsync();
        await again.ExpectAsync("event json ALL");
        await again.ReplyAsync("+OK event listener enabled json");
        await again.ExpectAsync("event resume 900");
        await again.ReplyAsync("+OK resumed 0 events, 0 missing");
        var next = events.MoveNextAsync();
        await again.EventAsync(TestEvents.Create("HEARTBEAT", sequence: 3, coreUuid: "new-core"));
        Assert.True(await next.AsTask().WaitAsync(FakeEslPeer.Timeout));
        Assert.Equal(3, events.Current.Sequence);
    }

    [Fact]
    public void Backoff_doubles_up_to_the_cap_and_jitter_only_shortens()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), 0.2);
        Assert.Equal(TimeSpan.FromMilliseconds(500), backoff.GetDelay(0, 0));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.GetDelay(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(16), backoff.GetDelay(5, 0));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.GetDelay(6, 0));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.GetDelay(1000, 0));
        Assert.Equal(TimeSpan.FromSeconds(24), backoff.GetDelay(1000, 1));
        Assert.Equal(TimeSpan.FromMilliseconds(450), backoff.GetDelay(0, 0.5));
    }

    [Theory]
    [InlineData("+OK resumed 12 events, 0 missing", true, 12, 0)]
    [InlineData("+OK resumed 0 events, 7 missing", true, 0, 7)]
    [InlineData("+OK event listener enabled json", false, 0, 0)]
    [InlineData("+OK resumed x events, 0 missing", false, 0, 0)]
    public void Resume_reply_parsing(string text, bool ok, long replayed, long missed)
    {
        Assert.Equal(ok, EventSocketClient.TryParseResumeReply(text, out var r, out var m));
        if (ok)
        {
            Assert.Equal((replayed, missed), (r, m));
        }
    }
}
