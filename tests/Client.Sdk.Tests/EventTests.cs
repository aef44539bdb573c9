using Switch.Client.Tests.Fakes;
using Switch.EventSocket;

namespace Switch.Client.Tests;

public sealed class EventTests
{
    [Theory]
    [InlineData(EslEventFormat.Plain)]
    [InlineData(EslEventFormat.Json)]
    [InlineData(EslEventFormat.Xml)]
    public async Task Events_arrive_typed_in_every_format(EslEventFormat format)
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        var subscribing = client.SubscribeAsync(format, "CHANNEL_PARK", "BACKGROUND_JOB");
        await peer.ExpectAsync($"event {EventSocketConnection.FormatWord(format)} CHANNEL_PARK BACKGROUND_JOB");
        await peer.ReplyAsync("+OK event listener enabled");
        await subscribing.WaitAsync(FakeEslPeer.Timeout);

        await using var events = client.ReadEventsAsync().GetAsyncEnumerator();
        var next = events.MoveNextAsync();
        await peer.EventAsync(TestEvents.Channel("CHANNEL_PARK", "leg-a", ("Call-Direction", "inbound"), ("Caller-Destination-Number", "1001"), ("Caller-Caller-ID-Name", "Müller & Sons: 100%"), ("variable_sip_to_user", "1001")), format);
        await peer.EventAsync(TestEvents.Job("job-1", "+OK done\nline two\n"), format);

        Assert.True(await next.AsTask().WaitAsync(FakeEslPeer.Timeout));
        var park = Assert.IsType<ChannelPark>(events.Current);
        Assert.Equal("leg-a", park.UniqueId);
        Assert.True(park.IsInbound);
        Assert.Equal("1001", park.DestinationNumber);
        Assert.Equal("Müller & Sons: 100%", park.CallerIdName);
        Assert.Equal("1001", park.GetVariable("sip_to_user"));
        Assert.Equal("sofia/internal/1000@192.0.2.10", park.ChannelName);

        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(FakeEslPeer.Timeout));
        var job = Assert.IsType<BackgroundJob>(events.Current);
        Assert.Equal("job-1", job.JobUuid);
        Assert.Equal("+OK done\nline two\n", job.Output);
        Assert.Equal(client.LastEventSequence, job.Sequence);
    }

    [Fact]
    public async Task Events_reach_the_net_event_the_observable_and_every_reader()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        await CorrelationTests.SubscribeAllAsync(client, peer);

        var viaEvent = new TaskCompletionSource<EventMessage>();
        client.EventReceived += (_, e) => viaEvent.TrySetResult(e);
        var observer = new Observer();
        using var subscription = client.Events.Subscribe(observer);
        await using var first = client.ReadEventsAsync().GetAsyncEnumerator();
        await using var second = client.ReadEventsAsync().GetAsyncEnumerator();
        var a = first.MoveNextAsync();
        var b = second.MoveNextAsync();

        await peer.EventAsync(TestEvents.Channel("CHANNEL_ANSWER", "leg-b"));

        Assert.True(await a.AsTask().WaitAsync(FakeEslPeer.Timeout));
        Assert.True(await b.AsTask().WaitAsync(FakeEslPeer.Timeout));
        Assert.IsType<ChannelAnswer>(first.Current);
        Assert.Same(first.Current, second.Current);
        Assert.Same(first.Current, await viaEvent.Task.WaitAsync(FakeEslPeer.Timeout));
        Assert.Same(first.Current, await observer.First.Task.WaitAsync(FakeEslPeer.Timeout));
    }

    [Fact]
    public async Task A_reader_that_falls_behind_is_dropped_without_stalling_commands()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync(o => o.EventQueueCapacity = 4);
        await using var _ = client;
        await CorrelationTests.SubscribeAllAsync(client, peer);
        await using var stuck = client.ReadEventsAsync().GetAsyncEnumerator();
        var firstMove = stuck.MoveNextAsync();
        for (var i = 0; i < 10; i++)
        {
            await peer.EventAsync(TestEvents.Create("HEARTBEAT"));
        }

        var api = client.ApiAsync("status");
        await peer.ExpectAsync("api status");
        await peer.ApiResponseAsync("UP");
        Assert.Equal("UP", (await api.WaitAsync(FakeEslPeer.Timeout)).Body);

        Assert.True(await firstMove.AsTask().WaitAsync(FakeEslPeer.Timeout));
        await Assert.ThrowsAsync<EventSocketException>(async () =>
        {
            while (await stuck.MoveNextAsync().AsTask().WaitAsync(FakeEslPeer.Timeout))
            {
            }
        });
    }

    [Fact]
    public async Task Subscriptions_accumulate_and_custom_subclasses_go_after_CUSTOM()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;

        var subscribing = client.SubscribeAsync(EslEventFormat.Json, "channel_park", "CUSTOM sofia::register", "sofia::expire");
        await peer.ExpectAsync("event json CHANNEL_PARK CUSTOM sofia::register sofia::expire");
        await peer.ReplyAsync("+OK event listener enabled json");
        await subscribing.WaitAsync(FakeEslPeer.Timeout);

        Assert.Contains("CHANNEL_PARK", client.SubscribedEvents);
        Assert.Contains("sofia::expire", client.SubscribedSubclasses);

        // Already covered: no command goes out, so the next command on the wire is the api.
        await client.EnsureSubscribedAsync(["CHANNEL_PARK"]);
        var api = client.ApiAsync("status");
        await peer.ExpectAsync("api status");
        await peer.ApiResponseAsync("UP");
        await api.WaitAsync(FakeEslPeer.Timeout);
    }

    [Fact]
    public async Task Refused_subscription_throws()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        var subscribing = client.SubscribeAsync(EslEventFormat.Plain, "NOT_AN_EVENT");
        await peer.ExpectAsync("event plain NOT_AN_EVENT");
        await peer.ReplyAsync("-ERR no keywords supplied");
        await Assert.ThrowsAsync<EventSocketCommandException>(() => subscribing.WaitAsync(FakeEslPeer.Timeout));
        Assert.Empty(client.SubscribedEvents);
    }

    private sealed class Observer : IObserver<EventMessage>
    {
        public TaskCompletionSource<EventMessage> First { get; } = new();

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(EventMessage value) => First.TrySetResult(value);
    }
}
