using FsCheck;
using FsCheck.Fluent;
using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>Ports that could not be bound: set aside, retried later or as a last resort, never lost from the pool.</summary>
public sealed class RtpPortPoolSetAsideTests
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    private static (RtpPortPool Pool, ManualTimeProvider Clock) Pool(int pairs)
    {
        var clock = new ManualTimeProvider();
        return (new RtpPortPool(new RtpPortRange(10000, 10000 + (2 * pairs) - 1), clock, Retry), clock);
    }

    [Fact]
    public void A_port_set_aside_is_not_handed_out_again_until_its_retry_time()
    {
        var (pool, clock) = Pool(3);
        Assert.True(pool.TryAcquire(out var held));
        pool.SetAside(held);

        Assert.Equal((2, 0, 1), (pool.Available, pool.InUse, pool.SetAsideCount));
        Assert.True(pool.TryAcquire(out var second));
        Assert.True(pool.TryAcquire(out var third));
        Assert.Equal([10002, 10004], new[] { second.RtpPort, third.RtpPort });
        Assert.False(pool.TryAcquire(out _));

        clock.Advance(Retry - TimeSpan.FromTicks(1));
        Assert.False(pool.TryAcquire(out _));
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(pool.TryAcquire(out var again));
        Assert.Equal(held.RtpPort, again.RtpPort);
        Assert.Equal((0, 3, 0), (pool.Available, pool.InUse, pool.SetAsideCount));
    }

    [Fact]
    public void A_returning_port_goes_behind_the_ports_that_stayed_free()
    {
        var (pool, clock) = Pool(3);
        Assert.True(pool.TryAcquire(out var first));
        pool.SetAside(first);
        clock.Advance(Retry);

        var order = new List<int>();
        while (pool.TryAcquire(out var pair))
        {
            order.Add(pair.RtpPort);
        }

        Assert.Equal([10002, 10004, 10000], order);
    }

    [Fact]
    public void When_nothing_is_free_the_port_set_aside_longest_can_be_tried_at_once()
    {
        var (pool, _) = Pool(2);
        Assert.True(pool.TryAcquire(out var a));
        Assert.True(pool.TryAcquire(out var b));
        pool.SetAside(b);
        pool.SetAside(a);

        Assert.True(pool.TryAcquireSetAside(out var tried));
        Assert.Equal(b.RtpPort, tried.RtpPort);
        Assert.Equal((0, 1, 1), (pool.Available, pool.InUse, pool.SetAsideCount));

        pool.Release(tried);
        Assert.Equal((1, 0, 1), (pool.Available, pool.InUse, pool.SetAsideCount));
        Assert.True(pool.TryAcquireSetAside(out var last));
        Assert.Equal(a.RtpPort, last.RtpPort);
        Assert.False(pool.TryAcquireSetAside(out _));
    }

    [Fact]
    public void Setting_aside_a_port_that_is_not_leased_is_ignored()
    {
        var (pool, _) = Pool(2);
        pool.SetAside(new RtpPortPair(10000));
        pool.SetAside(new RtpPortPair(12000));
        Assert.True(pool.TryAcquire(out var pair));
        pool.Release(pair);
        pool.SetAside(pair);

        Assert.Equal((2, 0, 0), (pool.Available, pool.InUse, pool.SetAsideCount));
    }

    /// <summary>Any sequence of acquire, release, set aside and time passing keeps every pair in exactly one place.</summary>
    [Fact]
    public void Pairs_are_never_lost_or_handed_out_twice()
    {
        var operation = Gen.Choose(0, 4).SelectMany(kind => Gen.Choose(0, 7).Select(index => (kind, index)));
        Prop.ForAll(Arb.From(Gen.ListOf(operation)), ops =>
        {
            var (pool, clock) = Pool(6);
            var leased = new List<RtpPortPair>();
            foreach (var (kind, index) in ops)
            {
                switch (kind)
                {
                    case 0 when pool.TryAcquire(out var pair):
                        Assert.DoesNotContain(leased, p => p.RtpPort == pair.RtpPort);
                        leased.Add(pair);
                        break;
                    case 1 when pool.TryAcquireSetAside(out var pair):
                        Assert.DoesNotContain(leased, p => p.RtpPort == pair.RtpPort);
                        leased.Add(pair);
                        break;
                    case 2 when leased.Count > 0:
                        pool.Release(leased[index % leased.Count]);
                        leased.RemoveAt(index % leased.Count);
                        break;
                    case 3 when leased.Count > 0:
                        pool.SetAside(leased[index % leased.Count]);
                        leased.RemoveAt(index % leased.Count);
                        break;
                    case 4:
                        clock.Advance(TimeSpan.FromSeconds(index));
                        break;
                }
                Assert.Equal(leased.Count, pool.InUse);
                Assert.Equal(pool.Capacity, pool.Available + pool.InUse + pool.SetAsideCount);
            }

            foreach (var pair in leased)
            {
                pool.Release(pair);
            }
            clock.Advance(Retry);
            Assert.Equal(pool.Capacity, pool.Available);
        }).QuickCheckThrowOnFailure();
    }
}
