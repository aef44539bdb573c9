using Switch.Media;

namespace Switch.Tests.Media;

public sealed class RtpPortPoolTests
{
    [Theory]
    [InlineData("16384-32767", 16384, 32767, 8192)]
    [InlineData(" 10001 - 10010 ", 10001, 10010, 4)]
    [InlineData("10000-10001", 10000, 10001, 1)]
    public void Parses_ranges(string text, int from, int to, int pairs)
    {
        Assert.True(RtpPortRange.TryParse(text, out var range, out var error), error);
        Assert.Equal((from, to, pairs), (range.From, range.To, range.PairCount));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("16384")]
    [InlineData("a-b")]
    [InlineData("20000-10000")]
    [InlineData("80-1000")]
    [InlineData("10000-70000")]
    [InlineData("10001-10002")]
    [InlineData("-5-10")]
    public void Rejects_bad_ranges_with_a_reason(string? text)
    {
        Assert.False(RtpPortRange.TryParse(text, out var range, out var error));
        Assert.Null(range);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Hands_out_even_ports_with_the_odd_rtcp_port_until_exhausted()
    {
        var pool = new RtpPortPool(new RtpPortRange(10001, 10009));

        var pairs = new List<RtpPortPair>();
        while (pool.TryAcquire(out var pair))
        {
            pairs.Add(pair);
        }

        Assert.Equal([10002, 10004, 10006, 10008], pairs.Select(p => p.RtpPort));
        Assert.All(pairs, p => Assert.Equal(p.RtpPort + 1, p.RtcpPort));
        Assert.Equal((4, 0, 4), (pool.Capacity, pool.Available, pool.InUse));
        Assert.False(pool.TryAcquire(out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Released_ports_come_back_least_recently_used_first_and_double_release_is_ignored()
    {
        var pool = new RtpPortPool(new RtpPortRange(10000, 10005));
        Assert.True(pool.TryAcquire(out var first));
        Assert.True(pool.TryAcquire(out var second));

        pool.Release(first);
        pool.Release(first);
        pool.Release(new RtpPortPair(12000));

        Assert.Equal(2, pool.Available);
        Assert.True(pool.TryAcquire(out var third));
        Assert.True(pool.TryAcquire(out var fourth));
        Assert.Equal(10004, third.RtpPort);
        Assert.Equal(first.RtpPort, fourth.RtpPort);
        Assert.False(pool.TryAcquire(out _));
        Assert.NotEqual(second.RtpPort, fourth.RtpPort);
    }

    [Fact]
    public async Task Concurrent_acquire_and_release_never_hands_a_port_out_twice()
    {
        var pool = new RtpPortPool(new RtpPortRange(20000, 20199));
        var inUse = new System.Collections.Concurrent.ConcurrentDictionary<int, byte>();
        var duplicates = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 5000; i++)
            {
                if (pool.TryAcquire(out var pair))
                {
                    if (!inUse.TryAdd(pair.RtpPort, 0))
                    {
                        Interlocked.Increment(ref duplicates);
                    }

                    inUse.TryRemove(pair.RtpPort, out byte _);
                    pool.Release(pair);
                }
            }
        })));

        Assert.Equal(0, duplicates);
        Assert.Equal(pool.Capacity, pool.Available);
    }
}
