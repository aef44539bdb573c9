using Switch.Calls;
using Switch.Tests.Calls.Fakes;
using Switch.Tests.Support;

namespace Switch.Tests.Calls;

/// <summary>The session counters of `status` on a manual clock: per second, peaks, and the five-minute window.</summary>
public sealed class CallRegistryTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly CallRegistry _registry;
    private int _next;

    public CallRegistryTests() => _registry = new CallRegistry(_clock);

    private Channel Add()
    {
        var channel = new Channel($"uuid-{_next++}", "sofia/internal/1000@192.0.2.10", CallDirection.Inbound, new CallerProfile(), new FakeSignaling("a"));
        Assert.True(_registry.TryAdd(channel));
        return channel;
    }

    private void Seconds(double seconds) => _clock.Advance(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Sessions_per_second_count_the_last_complete_second()
    {
        Seconds(0.2);
        Add();
        Add();
        Add();
        Assert.Equal(0, _registry.Counts().PerSecond);

        Seconds(1);
        Add();
        var counts = _registry.Counts();
        Assert.Equal(3, counts.PerSecond);
        Assert.Equal(3, counts.PerSecondPeak);
        Assert.Equal(3, counts.PerSecondPeakFiveMinutes);

        Seconds(1);
        Assert.Equal(1, _registry.Counts().PerSecond);
        Seconds(1);
        Assert.Equal(0, _registry.Counts().PerSecond);
        Assert.Equal(4, _registry.Counts().SinceStartup);
    }

    [Fact]
    public void The_five_minute_rate_peak_forgets_what_is_older_and_the_peak_does_not()
    {
        for (var i = 0; i < 7; i++)
        {
            Add();
        }
        Seconds(10);
        Add();
        Add();

        Seconds(SessionRates.WindowSeconds - 20);
        var inWindow = _registry.Counts();
        Assert.Equal(7, inWindow.PerSecondPeakFiveMinutes);

        Seconds(15);
        var later = _registry.Counts();
        Assert.Equal(2, later.PerSecondPeakFiveMinutes);
        Assert.Equal(7, later.PerSecondPeak);

        Seconds(SessionRates.WindowSeconds);
        var quiet = _registry.Counts();
        Assert.Equal(0, quiet.PerSecondPeakFiveMinutes);
        Assert.Equal(7, quiet.PerSecondPeak);
        Assert.Equal(0, quiet.PerSecond);
    }

    [Fact]
    public void The_five_minute_session_peak_holds_a_level_reached_earlier_while_it_lasts()
    {
        var channels = Enumerable.Range(0, 10).Select(_ => Add()).ToList();
        Seconds(200);
        var stillTen = _registry.Counts();
        Assert.Equal((10, 10, 10), (stillTen.Current, stillTen.Peak, stillTen.PeakFiveMinutes));

        // Ten were alive until now, long after they were created: that level is inside the window.
        Seconds(200);
        foreach (var channel in channels.Take(6))
        {
            _registry.Remove(channel);
        }
        var afterHangup = _registry.Counts();
        Assert.Equal((4, 10, 10), (afterHangup.Current, afterHangup.Peak, afterHangup.PeakFiveMinutes));

        Seconds(SessionRates.WindowSeconds + 1);
        var later = _registry.Counts();
        Assert.Equal((4, 10, 4), (later.Current, later.Peak, later.PeakFiveMinutes));
    }

    [Fact]
    public void Removing_twice_counts_once()
    {
        var channel = Add();
        Add();
        _registry.Remove(channel);
        _registry.Remove(channel);
        Assert.Equal(1, _registry.Count);
        Assert.Equal(2, _registry.Counts().Peak);
    }

    [Fact]
    public void A_duplicate_uuid_is_refused_and_not_counted()
    {
        Add();
        var twin = new Channel("uuid-0", "sofia/internal/1001@192.0.2.10", CallDirection.Inbound, new CallerProfile(), new FakeSignaling("b"));
        Assert.False(_registry.TryAdd(twin));
        Assert.Equal((1L, 1), (_registry.Counts().SinceStartup, _registry.Counts().PerSecondPeak));
    }
}
