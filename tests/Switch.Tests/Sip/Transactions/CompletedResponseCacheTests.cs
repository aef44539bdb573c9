using System.Globalization;
using System.Net;
using System.Text;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Tests.Sip.Transactions;

public sealed class CompletedResponseCacheTests
{
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(32);
    private static readonly IPEndPoint Local = new(IPAddress.Parse("192.0.2.1"), 5060);
    private static readonly SipFlow Flow = new(SipTransportType.Udp, Local, new IPEndPoint(IPAddress.Parse("192.0.2.9"), 5062));

    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Get_after_add_returns_the_response_bytes_and_where_they_went()
    {
        using var cache = new CompletedResponseCache(_time, Linger);
        var response = Response("z9hG4bKone");
        cache.Add(Key("z9hG4bKone"), response, Flow);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet(Key("z9hG4bKone"), out var bytes, out var target));
        Assert.Equal(response.Data.ToArray(), bytes.ToArray());
        Assert.Equal(SipTransportType.Udp, target.Transport);
        Assert.Equal(Flow.Remote, target.EndPoint);
        Assert.Equal(0, target.ConnectionId);
        Assert.Same(Local, target.LocalEndPoint);
    }

    [Fact]
    public void A_key_differing_in_branch_host_port_or_method_misses()
    {
        using var cache = new CompletedResponseCache(_time, Linger);
        cache.Add(Key("z9hG4bKone"), Response("z9hG4bKone"), Flow);

        Assert.False(cache.TryGet(Key("z9hG4bKtwo"), out _, out _));
        Assert.False(cache.TryGet(Key("z9hG4bKONE"), out _, out _));
        Assert.False(cache.TryGet(Key("z9hG4bKone", host: "192.0.2.10"), out _, out _));
        Assert.False(cache.TryGet(Key("z9hG4bKone", port: 5063), out _, out _));
        Assert.False(cache.TryGet(Key("z9hG4bKone", method: "OPTIONS"), out _, out _));
        Assert.True(cache.TryGet(Key(new string("z9hG4bKone".AsSpan())), out _, out _));
    }

    [Fact]
    public void A_later_add_for_an_equal_key_replaces_the_answer_and_outlives_the_first()
    {
        using var cache = new CompletedResponseCache(_time, Linger);
        cache.Add(Key("z9hG4bKone"), Response("z9hG4bKone", status: 401), Flow);
        _time.Advance(TimeSpan.FromSeconds(10));
        var second = Response("z9hG4bKone", status: 200);
        cache.Add(Key("z9hG4bKone"), second, Flow);

        Assert.Equal(1, cache.Count);
        _time.Advance(Linger - TimeSpan.FromSeconds(5));
        Assert.True(cache.TryGet(Key("z9hG4bKone"), out var bytes, out _));
        Assert.Equal(second.Data.ToArray(), bytes.ToArray());
        Assert.Equal(1, cache.Count);

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(cache.TryGet(Key("z9hG4bKone"), out _, out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void An_entry_expires_exactly_after_the_linger_time_not_before()
    {
        using var cache = new CompletedResponseCache(_time, Linger);
        cache.Add(Key("z9hG4bKone"), Response("z9hG4bKone"), Flow);
        _time.Advance(TimeSpan.FromMilliseconds(1500));
        cache.Add(Key("z9hG4bKtwo"), Response("z9hG4bKtwo"), Flow);

        _time.Advance(Linger - TimeSpan.FromMilliseconds(1500) - TimeSpan.FromTicks(1));
        Assert.True(cache.TryGet(Key("z9hG4bKone"), out _, out _));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(cache.TryGet(Key("z9hG4bKone"), out _, out _));
        Assert.Equal(1, cache.Count);

        // The second is timed by the timer re-armed for it.
        _time.Advance(TimeSpan.FromMilliseconds(1500) - TimeSpan.FromTicks(1));
        Assert.True(cache.TryGet(Key("z9hG4bKtwo"), out _, out _));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(cache.TryGet(Key("z9hG4bKtwo"), out _, out _));
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void Under_steady_traffic_expired_entries_vanish_at_once_and_are_swept_a_second_at_a_time()
    {
        using var cache = new CompletedResponseCache(_time, Linger);
        // One entry every 10 ms for 40 s: 4,000 entries, each due 32 s after it came.
        for (var i = 0; i < 4_000; i++)
        {
            cache.Add(Key(Branch(i)), Response(Branch(i)), Flow);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        // Now = 40.5 s: entries added up to 8.5 s (the 851 first) are gone for lookups, exactly.
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(3_149, cache.Count);
        Assert.False(cache.TryGet(Key(Branch(850)), out _, out _));
        Assert.True(cache.TryGet(Key(Branch(851)), out _, out _));
        // But not removed one by one: the sweeps run a second apart (32 s, 33 s, ... 40 s), so what expired
        // since the one at 40 s (50 entries) is still stored.
        Assert.Equal(3_199, cache.StoredCount);

        _time.Advance(Linger + CompletedResponseCache.ExpirySweep);
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.StoredCount);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void Entries_expire_oldest_first_across_many_timer_firings()
    {
        using var cache = new CompletedResponseCache(_time, Linger);
        const int Steps = 40;
        const int PerStep = 25;
        for (var step = 0; step < Steps; step++)
        {
            for (var i = 0; i < PerStep; i++)
            {
                cache.Add(Key(Branch(step * PerStep + i)), Response(Branch(step * PerStep + i)), Flow);
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // Now = Steps s; entries added at second s live until s + 32.
        for (var now = Steps; now <= Steps + (int)Linger.TotalSeconds; now++)
        {
            var firstLive = Math.Max(0, now - (int)Linger.TotalSeconds + 1) * PerStep;
            Assert.Equal(Math.Max(0, Steps * PerStep - firstLive), cache.Count);
            for (var n = 0; n < Steps * PerStep; n++)
            {
                Assert.Equal(n >= firstLive, cache.TryGet(Key(Branch(n)), out _, out _));
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Slots_wrap_and_grow_and_chunks_are_reused_with_older_entries_live_and_given_back_after()
    {
        using var cache = new CompletedResponseCache(_time, Linger, chunkSize: 4096, initialSlotCapacity: 8, hash: null);
        var expected = new Dictionary<string, byte[]>();

        // Eight entries fill the eight slots and two chunks; the oldest four expire, so the next entries take the
        // slots at the array's start and the emptied chunk while the other four still live, then both grow.
        var n = 0;
        for (; n < 4; n++)
        {
            expected[Branch(n)] = AddOne(cache, n);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        for (; n < 8; n++)
        {
            expected[Branch(n)] = AddOne(cache, n);
        }

        _time.Advance(Linger - TimeSpan.FromSeconds(1));
        for (var gone = 0; gone < 4; gone++)
        {
            Assert.True(expected.Remove(Branch(gone)));
        }

        for (; n < 300; n++)
        {
            expected[Branch(n)] = AddOne(cache, n);
        }

        Assert.True(cache.ByteCapacity > 4096 && cache.SlotCapacity > 8, $"{cache.ByteCapacity} {cache.SlotCapacity}");
        Assert.Equal(expected.Count, cache.Count);
        for (var i = 0; i < 300; i++)
        {
            var live = expected.TryGetValue(Branch(i), out var bytes);
            Assert.Equal(live, cache.TryGet(Key(Branch(i)), out var got, out var target));
            if (live)
            {
                Assert.Equal(bytes, got.ToArray());
                Assert.Same(Local, target.LocalEndPoint);
            }
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(expected.Count - 4, cache.Count);
        _time.Advance(Linger);
        Assert.Equal(0, cache.Count);
        Assert.Equal((4096L, 8), (cache.ByteCapacity, cache.SlotCapacity));
    }

    [Fact]
    public void Random_adds_replacements_and_expiries_match_a_model()
    {
        for (var seed = 1; seed <= 4; seed++)
        {
            var random = new Random(seed);
            var time = new ManualTimeProvider();
            using var cache = new CompletedResponseCache(time, Linger, chunkSize: 2048, initialSlotCapacity: 4, hash: null);
            var model = new Dictionary<string, (byte[] Bytes, TimeSpan Due)>();
            for (var op = 0; op < 3_000; op++)
            {
                var branch = Branch(random.Next(400));
                if (random.Next(3) > 0)
                {
                    var response = Response(branch, padding: random.Next(0, 2_500)); // some larger than a chunk
                    cache.Add(Key(branch), response, Flow);
                    model[branch] = (response.Data.ToArray(), time.Elapsed + Linger);
                }
                else
                {
                    time.Advance(TimeSpan.FromMilliseconds(random.Next(0, 4_000)));
                }

                var probe = Branch(random.Next(400));
                var live = model.TryGetValue(probe, out var entry) && entry.Due > time.Elapsed;
                Assert.Equal(live, cache.TryGet(Key(probe), out var got, out _));
                if (live)
                {
                    Assert.Equal(entry.Bytes, got.ToArray());
                }

                Assert.Equal(model.Values.Count(v => v.Due > time.Elapsed), cache.Count);
            }

            time.Advance(Linger);
            Assert.Equal(0, cache.Count);
            time.Advance(CompletedResponseCache.ExpirySweep); // the memory is given back within one sweep
            Assert.Equal(0, cache.StoredCount);
            Assert.InRange(cache.ByteCapacity, 2048, 4096); // one chunk left: standard, or the last (larger) entry's own
        }
    }

    [Fact]
    public void Keys_in_one_hash_chain_each_get_their_own_response()
    {
        using var cache = new CompletedResponseCache(_time, Linger, chunkSize: 1024, initialSlotCapacity: 2, hash: _ => 42);
        ServerTransactionKey[] keys =
        [
            Key("z9hG4bKa"), Key("z9hG4bKb"), Key("z9hG4bKa", host: "192.0.2.10"), Key("z9hG4bKa", port: 5070),
            Key("z9hG4bKa", method: "OPTIONS"), Key("z9hG4bKé"), Key("z9hG4bKe"),
            Key("ab"), Key("\u6261"), // the same two bytes: as ASCII, and as one UTF-16 character
            Key("z9hG4bKa", host: "192.0.2.1", method: "0REGISTER"), Key("z9hG4bKa", host: "192.0.2.10", method: "REGISTER"),
        ];
        var responses = keys.Select((k, i) => Response("z9hG4bK" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            cache.Add(keys[i], responses[i], Flow);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(keys.Length - 1, cache.Count); // the last key equals the third
        for (var i = 0; i < keys.Length - 1; i++)
        {
            Assert.True(cache.TryGet(keys[i], out var got, out _));
            Assert.Equal(responses[i == 2 ? keys.Length - 1 : i].Data.ToArray(), got.ToArray());
        }

        // The oldest go one by one from the middle and the end of the chain; the others still answer.
        for (var expired = 0; expired < keys.Length - 1; expired++)
        {
            _time.Advance(TimeSpan.FromSeconds(expired == 0 ? Linger.TotalSeconds - keys.Length : 1));
            for (var i = 0; i < keys.Length - 1; i++)
            {
                var live = i > expired || i == 2;
                Assert.Equal(live, cache.TryGet(keys[i], out var got, out _));
            }
        }
    }

    [Fact]
    public void Destination_v4_and_v6_and_the_local_endpoint_come_back_in_the_target()
    {
        using var cache = new CompletedResponseCache(_time, Linger);
        var otherLocal = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5080);
        var v6Flow = new SipFlow(SipTransportType.Udp, otherLocal, new IPEndPoint(IPAddress.Parse("2001:db8::9"), 5062));
        cache.Add(Key("z9hG4bKv4"), Response("z9hG4bKv4", via: "198.51.100.7:5099;rport=6001;received=203.0.113.5"), Flow);
        cache.Add(Key("z9hG4bKv6", host: "2001:db8::9"), Response("z9hG4bKv6", via: "[2001:db8::9]:5062;rport"), v6Flow);
        cache.Add(Key("z9hG4bKv6b", host: "2001:db8::9"), Response("z9hG4bKv6b", via: "[2001:db8::9]:5062;rport=7002;received=2001:db8::abcd"), v6Flow);
        var sameValue = new SipFlow(SipTransportType.Udp, new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5080), v6Flow.Remote);
        cache.Add(Key("z9hG4bKv6c", host: "2001:db8::9"), Response("z9hG4bKv6c", via: "[2001:db8::9]:5062;rport"), sameValue);

        Assert.True(cache.TryGet(Key("z9hG4bKv4"), out _, out var v4));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.5"), 6001), v4.EndPoint);
        Assert.Same(Local, v4.LocalEndPoint);
        Assert.True(cache.TryGet(Key("z9hG4bKv6", host: "2001:db8::9"), out _, out var v6));
        Assert.Equal(v6Flow.Remote, v6.EndPoint);
        Assert.Same(otherLocal, v6.LocalEndPoint);
        Assert.True(cache.TryGet(Key("z9hG4bKv6b", host: "2001:db8::9"), out _, out var v6b));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::abcd"), 7002), v6b.EndPoint);
        Assert.True(cache.TryGet(Key("z9hG4bKv6c", host: "2001:db8::9"), out _, out var v6c));
        Assert.Equal(otherLocal, v6c.LocalEndPoint);
    }

    [Fact]
    public void A_retransmission_gets_a_copy_that_later_adds_do_not_overwrite()
    {
        using var cache = new CompletedResponseCache(_time, Linger, chunkSize: 1024, initialSlotCapacity: 2, hash: null);
        var first = Response(Branch(0));
        cache.Add(Key(Branch(0)), first, Flow);
        Assert.True(cache.TryGet(Key(Branch(0)), out var got, out _));
        _time.Advance(Linger);
        for (var n = 1; n < 50; n++)
        {
            _ = AddOne(cache, n);
        }

        Assert.Equal(first.Data.ToArray(), got.ToArray());
    }

    [Fact]
    public async Task Concurrent_adds_gets_and_expiry_never_return_another_keys_bytes()
    {
        using var cache = new CompletedResponseCache(_time, Linger, chunkSize: 4096, initialSlotCapacity: 4, hash: null);
        const int Threads = 4;
        const int PerThread = 2_000;
        var responses = Enumerable.Range(0, Threads * PerThread).Select(n => Response(Branch(n), padding: n % 700)).ToArray();
        var workers = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            var mismatches = 0;
            for (var i = 0; i < PerThread; i++)
            {
                var n = (i * Threads) + t;
                cache.Add(Key(Branch(n)), responses[n], Flow);
                var probe = (n * 7919) % (Threads * PerThread);
                if (cache.TryGet(Key(Branch(probe)), out var got, out var target)
                    && (!got.Span.SequenceEqual(responses[probe].Data.Span) || !Flow.Remote.Equals(target.EndPoint)))
                {
                    mismatches++;
                }

                if (t == 0 && i % 50 == 0)
                {
                    _time.Advance(TimeSpan.FromSeconds(1));
                }
            }

            return mismatches;
        })).ToArray();

        var results = await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(results, r => Assert.Equal(0, r));
        Assert.InRange(cache.Count, 1, Threads * PerThread - 1);
    }

    [Fact]
    public void Add_allocates_nothing_per_entry_once_the_rings_have_grown()
    {
        const int N = 10_000;
        using var cache = new CompletedResponseCache(_time, Linger, chunkSize: 8 << 20, initialSlotCapacity: 2 * N, hash: null);
        var keys = Enumerable.Range(0, 2 * N).Select(n => Key(Branch(n))).ToArray();
        var responses = Enumerable.Range(0, 2 * N).Select(n => Response(Branch(n), padding: n % 300)).ToArray();
        for (var i = 0; i < N; i++)
        {
            cache.Add(keys[i], responses[i], Flow);
        }

        _time.Advance(Linger);
        Assert.Equal(0, cache.Count);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = N; i < 2 * N; i++)
        {
            cache.Add(keys[i], responses[i], Flow);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(N, cache.Count);
        Assert.InRange(allocated, 0, 256);
    }

    [Fact]
    public void After_dispose_adds_are_ignored_and_nothing_is_found()
    {
        var cache = new CompletedResponseCache(_time, Linger);
        cache.Add(Key("z9hG4bKone"), Response("z9hG4bKone"), Flow);
        cache.Dispose();
        cache.Add(Key("z9hG4bKtwo"), Response("z9hG4bKtwo"), Flow);

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet(Key("z9hG4bKone"), out _, out _));
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    private static string Branch(int n) => "z9hG4bK" + n.ToString("x8", CultureInfo.InvariantCulture);

    private static ServerTransactionKey Key(string branch, string host = "192.0.2.9", int port = 5062, string method = "REGISTER") =>
        new(branch, host, port, method);

    private byte[] AddOne(CompletedResponseCache cache, int n)
    {
        var response = Response(Branch(n), padding: 700 + (n % 13));
        cache.Add(Key(Branch(n)), response, Flow);
        return response.Data.ToArray();
    }

    private static SipResponse Response(string branch, int status = 200, int padding = 0, string via = "192.0.2.9:5062;rport")
    {
        var text =
            $"SIP/2.0 {status} {(status == 200 ? "OK" : "Unauthorized")}\r\n" +
            $"Via: SIP/2.0/UDP {via};branch={branch}\r\n" +
            "From: <sip:1000@example.com>;tag=f1\r\n" +
            "To: <sip:1000@example.com>;tag=t1\r\n" +
            $"Call-ID: {branch}@192.0.2.9\r\n" +
            "CSeq: 2 REGISTER\r\n" +
            (padding > 0 ? $"X-Pad: {new string((char)('a' + (branch.Length % 26)), padding)}\r\n" : string.Empty) +
            "Content-Length: 0\r\n\r\n";
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error), error.ToString());
        return (SipResponse)message;
    }
}
