using Switch.Events;
using Switch.Tests.Support;

namespace Switch.Tests.Events;

/// <summary>The date headers, formatted once per second (dates) or microsecond (timestamp) and shared by the events in between.</summary>
public sealed class EventDateTextsTests
{
    private static readonly SwitchIdentity Identity = new("4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b", "sw1", "sw1", "192.0.2.10", "::1");

    private sealed class ZonedClock(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public TimeZoneInfo Zone { get; set; } = zone;
        public override DateTimeOffset GetUtcNow() => Now;
        public override TimeZoneInfo LocalTimeZone => Zone;
    }

    private static (string? Local, string? Gmt, string? Timestamp) Dates(SwitchEvent e) =>
        (e.GetHeader("Event-Date-Local"), e.GetHeader("Event-Date-GMT"), e.GetHeader("Event-Date-Timestamp"));

    [Fact]
    public void Each_event_shows_its_own_time_across_microseconds_seconds_and_days()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_980));
        var bus = new EventBus(Identity, clock);

        var e1 = bus.Publish(new SwitchEventBuilder("A"));
        var e2 = bus.Publish(new SwitchEventBuilder("B"));
        clock.Advance(TimeSpan.FromTicks(10));
        var e3 = bus.Publish(new SwitchEventBuilder("C"));
        clock.Advance(TimeSpan.FromTicks(10));
        var e4 = bus.Publish(new SwitchEventBuilder("D"));

        Assert.Equal(("2025-12-31 23:59:59", "Wed, 31 Dec 2025 23:59:59 GMT", "1767225599999998"), Dates(e1));
        Assert.Equal(Dates(e1), Dates(e2));
        Assert.Equal(("2025-12-31 23:59:59", "Wed, 31 Dec 2025 23:59:59 GMT", "1767225599999999"), Dates(e3));
        Assert.Equal(("2026-01-01 00:00:00", "Thu, 01 Jan 2026 00:00:00 GMT", "1767225600000000"), Dates(e4));
    }

    [Fact]
    public void Local_date_follows_the_clock_zone_even_within_one_second()
    {
        var clock = new ZonedClock(new DateTimeOffset(2025, 3, 4, 10, 20, 30, TimeSpan.Zero), TimeZoneInfo.Utc);
        var bus = new EventBus(Identity, clock);
        var utc = bus.Publish(new SwitchEventBuilder("A"));
        clock.Zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");

        var shifted = bus.Publish(new SwitchEventBuilder("B"));

        Assert.Equal("2025-03-04 10:20:30", utc.GetHeader("Event-Date-Local"));
        Assert.Equal("2025-03-04 12:20:30", shifted.GetHeader("Event-Date-Local"));
        Assert.Equal(utc.GetHeader("Event-Date-GMT"), shifted.GetHeader("Event-Date-GMT"));
    }
}
