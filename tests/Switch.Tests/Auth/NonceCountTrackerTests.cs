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

    [Fact]
    public void A_nonce_used_again_after_its_record_died_is_forgotten_in_its_new_place()
    {
        var tracker = new NonceCountTracker(40);
        var xIssued = T0.AddSeconds(50);
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("x", 1, xIssued, T0, T0.AddSeconds(51)));
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("z", 1, xIssued, T0, T0.AddSeconds(51)));
        for (var i = 0; i < 38; i++)
        {
            tracker.TryAccept($"live{i}", 1, T0.AddSeconds(i), T0, T0.AddHours(1));
        }
        var later = T0.AddMinutes(2);
        // Full: only x and z died, so only they are purged to make room for y.
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("y", 1, later, later, later.AddHours(1)));
        Assert.False(tracker.IsKeptAlive("x", later));
        // x comes back (nothing issued after it was forgotten) into the free place.
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("x", 5, xIssued, later, later.AddHours(1)));
        Assert.Equal(40, tracker.Count);
        // Full of live records: the earliest used tenth goes (live0..live3); x's old first-use slot, at the
        // head of the queue, is skipped, not taken for x's new record.
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAccept("newest", 1, later.AddSeconds(1), later, later.AddHours(1)));
        Assert.Equal(37, tracker.Count);
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAccept("x", 5, xIssued, later, later.AddHours(1)));
        Assert.Equal(NonceCountResult.Forgotten, tracker.TryAccept("live3", 2, T0.AddSeconds(3), later, later.AddHours(1)));
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAccept("live4", 1, T0.AddSeconds(4), later, later.AddHours(1)));
    }

    [Fact]
    public void The_first_use_queue_stays_about_as_long_as_the_table()
    {
        var tracker = new NonceCountTracker(64);
        var now = T0;
        for (var round = 0; round < 200; round++)
        {
            for (var i = 0; i < 64; i++)
            {
                tracker.TryAccept($"r{round}n{i}", 1, now, now, now.AddSeconds(1));
            }
            now = now.AddSeconds(2);
            Assert.True(tracker.QueuedCount <= 2 * tracker.Count + 16 + 64, $"queue {tracker.QueuedCount} for {tracker.Count} records");
        }
    }
}
