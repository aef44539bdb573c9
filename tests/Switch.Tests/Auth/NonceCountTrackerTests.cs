using Switch.Sip.Auth;

namespace Switch.Tests.Auth;

public sealed class NonceCountTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_must_increase_per_nonce()
    {
        var tracker = new NonceCountTracker(100);
        var keep = T0.AddMinutes(1);

        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("a", 1, T0, T0, keep));
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAccept("a", 1, T0, T0, keep));
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("a", 3, T0, T0, keep));
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAccept("a", 2, T0, T0, keep));
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("b", 1, T0, T0, keep));
    }

    [Fact]
    public void The_no_qop_form_may_repeat()
    {
        var tracker = new NonceCountTracker(100);

        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("a", 0, T0, T0, T0.AddMinutes(1)));
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("a", 0, T0, T0, T0.AddMinutes(1)));
    }

    [Fact]
    public void Keep_alive_extends_and_never_shrinks()
    {
        var tracker = new NonceCountTracker(100);
        tracker.TryAccept("a", 1, T0, T0, T0.AddHours(1));
        tracker.TryAccept("a", 2, T0, T0, T0.AddMinutes(1));

        Assert.True(tracker.IsKeptAlive("a", T0.AddMinutes(59)));
        Assert.False(tracker.IsKeptAlive("a", T0.AddMinutes(61)));
        Assert.False(tracker.IsKeptAlive("unknown", T0));
    }

    [Fact]
    public void Memory_is_bounded_and_forgotten_old_nonces_are_refused()
    {
        const int capacity = 100;
        var tracker = new NonceCountTracker(capacity);
        for (var i = 0; i < 1000; i++)
        {
            var issued = T0.AddSeconds(i);
            Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept($"n{i}", 1, issued, issued, issued.AddHours(1)));
            Assert.True(tracker.Count <= capacity);
        }

        // n0 was dropped long ago: a higher count for it must not be taken as a first use.
        Assert.Equal(NonceCountResult.Forgotten, tracker.TryAccept("n0", 2, T0, T0.AddSeconds(1000), T0.AddHours(2)));
        // The newest are still remembered with their counts.
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAccept("n999", 1, T0.AddSeconds(999), T0.AddSeconds(1000), T0.AddHours(2)));
        // A nonce issued after everything forgotten is accepted.
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("new", 1, T0.AddSeconds(1001), T0.AddSeconds(1001), T0.AddHours(2)));
    }

    [Fact]
    public void Dead_records_are_purged_before_live_ones_are_forgotten()
    {
        var tracker = new NonceCountTracker(16);
        for (var i = 0; i < 16; i++)
        {
            tracker.TryAccept($"old{i}", 1, T0, T0, T0.AddSeconds(10));
        }
        var later = T0.AddMinutes(5);

        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("fresh", 1, later, later, later.AddMinutes(1)));
        Assert.Equal(1, tracker.Count);
        // Nothing live was forgotten, so a nonce issued at T0 that was never seen is still a first use.
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("other", 1, T0, later, later.AddMinutes(1)));
    }
}
