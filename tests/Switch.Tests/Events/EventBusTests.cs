using Switch.Events;
using Switch.Tests.Support;

namespace Switch.Tests.Events;

public sealed class EventBusTests
{
    private static readonly SwitchIdentity Identity = new("4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b", "sw1", "sw1", "192.0.2.10", "::1");

    [Fact]
    public void Standard_headers_come_first_in_FreeSWITCH_order_with_microsecond_timestamp()
    {
        var bus = new EventBus(Identity, new ManualTimeProvider());
        var e = bus.Publish(new SwitchEventBuilder("CHANNEL_CREATE").Add("Unique-ID", "abc"));

        var names = e.Headers.Select(h => h.Key).ToArray();
        Assert.Equal(["Event-Name", "Core-UUID", "FreeSWITCH-Hostname", "FreeSWITCH-Switchname", "FreeSWITCH-IPv4",
            "FreeSWITCH-IPv6", "Event-Date-Local", "Event-Date-GMT", "Event-Date-Timestamp", "Event-Calling-File",
            "Event-Calling-Function", "Event-Calling-Line-Number", "Event-Sequence", "Unique-ID"], names);
        Assert.Equal("2025-03-04 10:20:30", e.GetHeader("Event-Date-Local"));
        Assert.Equal("Tue, 04 Mar 2025 10:20:30 GMT", e.GetHeader("Event-Date-GMT"));
        Assert.Equal("1741083630000000", e.GetHeader("Event-Date-Timestamp"));
        Assert.Equal("EventBusTests.cs", e.GetHeader("Event-Calling-File"));
    }

    [Fact]
    public void Custom_events_carry_their_subclass_after_the_sequence()
    {
        var bus = new EventBus(Identity, new ManualTimeProvider());
        var e = bus.Publish(new SwitchEventBuilder("CUSTOM", "sofia::register").Add("profile-name", "internal"));
        var names = e.Headers.Select(h => h.Key).ToList();
        Assert.Equal(names.IndexOf("Event-Sequence") + 1, names.IndexOf("Event-Subclass"));
        Assert.Equal("sofia::register", e.GetHeader("Event-Subclass"));
    }

    [Fact]
    public void Empty_values_are_not_stored()
    {
        var bus = new EventBus(Identity, new ManualTimeProvider());
        var e = bus.Publish(new SwitchEventBuilder("API").Add("API-Command", "status").Add("API-Command-Argument", ""));
        Assert.Null(e.GetHeader("API-Command-Argument"));
        Assert.Equal("status", e.GetHeader("API-Command"));
    }

    [Fact]
    public async Task Sequences_are_delivered_in_order_to_every_subscriber_under_concurrency()
    {
        var bus = new EventBus(Identity, TimeProvider.System);
        var seen1 = new List<long>();
        var seen2 = new List<long>();
        using var s1 = bus.Subscribe(e => seen1.Add(e.Sequence));
        using var s2 = bus.Subscribe(e => seen2.Add(e.Sequence));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                bus.Publish(new SwitchEventBuilder("HEARTBEAT"));
            }
        })));

        Assert.Equal(Enumerable.Range(1, 4000).Select(i => (long)i), seen1);
        Assert.Equal(seen1, seen2);
        Assert.Equal(4000, bus.LastSequence);
    }

    [Fact]
    public void Disposed_subscription_stops_receiving()
    {
        var bus = new EventBus(Identity, new ManualTimeProvider());
        var count = 0;
        var sub = bus.Subscribe(_ => count++);
        bus.Publish(new SwitchEventBuilder("HEARTBEAT"));
        Assert.True(bus.HasSubscribers);
        sub.Dispose();
        sub.Dispose();
        bus.Publish(new SwitchEventBuilder("HEARTBEAT"));
        Assert.Equal(1, count);
        Assert.False(bus.HasSubscribers);
    }

    [Fact]
    public void Every_event_name_gets_its_own_head_even_past_the_kept_ones()
    {
        var bus = new EventBus(Identity, new ManualTimeProvider());
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 300; i++)
            {
                var e = bus.Publish(new SwitchEventBuilder($"EVENT_{i}"));
                Assert.Equal($"EVENT_{i}", e.Headers[0].Value);
                Assert.Equal(["Event-Name", "Core-UUID", "FreeSWITCH-Hostname", "FreeSWITCH-Switchname", "FreeSWITCH-IPv4", "FreeSWITCH-IPv6"],
                    e.Headers.Take(6).Select(h => h.Key));
                Assert.Equal("sw1", e.GetHeader("FreeSWITCH-Switchname"));
            }
        }
    }
}
