using Switch.Calls;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Calls;

/// <summary>The call's mailbox: one work item at a time, in each poster's order, none lost; closed once its last leg is gone.</summary>
public sealed class CallMailboxTests
{
    [Fact]
    public async Task Work_from_many_threads_runs_one_at_a_time_in_each_posters_order()
    {
        using var h = new EngineHarness();
        var call = new Call(h.Engine);
        Assert.True(call.AddLeg(new Channel("mailbox-1", "sofia/internal/1000@192.0.2.10", CallDirection.Inbound, new CallerProfile(), new FakeSignaling("a"))));
        const int posters = 4;
        const int each = 2_000;
        var seen = new List<(int Poster, int Seq)>();
        var inside = 0;
        var overlaps = 0;

        var tasks = Enumerable.Range(0, posters).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var seq = i;
                Assert.True(call.Post(async _ =>
                {
                    if (Interlocked.Increment(ref inside) != 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }
                    if (seq % 100 == 0)
                    {
                        await Task.Yield();
                    }
                    seen.Add((p, seq));
                    Interlocked.Decrement(ref inside);
                }));
            }
        })).ToArray();
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));
        var count = await call.InvokeAsync(_ => ValueTask.FromResult(seen.Count), -1).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(posters * each, count);
        Assert.Equal(0, overlaps);
        for (var p = 0; p < posters; p++)
        {
            var mine = seen.Where(s => s.Poster == p).Select(s => s.Seq).ToList();
            Assert.Equal(Enumerable.Range(0, each), mine);
        }
    }

    [Fact]
    public async Task A_call_without_legs_closes_and_refuses_later_work()
    {
        using var h = new EngineHarness();
        var call = new Call(h.Engine);
        var ran = await call.InvokeAsync(_ => ValueTask.FromResult(true), false).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(ran);

        Assert.False(call.Post(_ => ValueTask.CompletedTask));
        Assert.Equal("gone", await call.InvokeAsync(_ => ValueTask.FromResult("ran"), "gone").WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
