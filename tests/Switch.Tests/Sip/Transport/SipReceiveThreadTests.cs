using Switch.Sip.Transport;

namespace Switch.Tests.Sip.Transport;

/// <summary>Work deferred to the end of a datagram on a receive thread: only there, in order, never nested, bounded.</summary>
public sealed class SipReceiveThreadTests
{
    private sealed class Recorder(List<string> log, string name, Action? onRun = null) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            log.Add(name);
            onRun?.Invoke();
        }
    }

    private static T OnReceiveThread<T>(Func<T> body)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                SipReceiveThread.MarkCurrent();
                result = body();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(10)), "the receive thread did not finish");
        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException("on the receive thread: " + failure);
        }
        return result;
    }

    [Fact]
    public void Other_threads_never_defer()
    {
        var log = new List<string>();
        Assert.False(SipReceiveThread.TryDefer(new Recorder(log, "a")));
        SipReceiveThread.RunDeferred();
        Assert.Empty(log);
    }

    [Fact]
    public void A_receive_thread_runs_deferred_work_in_order_when_the_datagram_is_done()
    {
        var log = new List<string>();
        var deferredBeforeRun = OnReceiveThread(() =>
        {
            Assert.True(SipReceiveThread.TryDefer(new Recorder(log, "a")));
            Assert.True(SipReceiveThread.TryDefer(new Recorder(log, "b")));
            var before = log.Count;
            SipReceiveThread.RunDeferred();
            SipReceiveThread.RunDeferred(); // nothing left: runs nothing twice
            return before;
        });
        Assert.Equal(0, deferredBeforeRun);
        Assert.Equal(["a", "b"], log);
    }

    [Fact]
    public void Work_posted_by_deferred_work_is_not_deferred_again()
    {
        var log = new List<string>();
        var nested = OnReceiveThread(() =>
        {
            bool? inner = null;
            Assert.True(SipReceiveThread.TryDefer(new Recorder(log, "outer",
                () => inner = SipReceiveThread.TryDefer(new Recorder(log, "inner")))));
            SipReceiveThread.RunDeferred();
            // After the run the thread defers again.
            var again = SipReceiveThread.TryDefer(new Recorder(log, "next"));
            SipReceiveThread.RunDeferred();
            return (inner, again);
        });
        Assert.False(nested.inner);
        Assert.True(nested.again);
        Assert.Equal(["outer", "next"], log);
    }

    [Fact]
    public void At_most_eight_items_wait_per_datagram_the_rest_go_to_the_pool()
    {
        var log = new List<string>();
        var accepted = OnReceiveThread(() =>
        {
            var n = 0;
            for (var i = 0; i < 12; i++)
            {
                if (SipReceiveThread.TryDefer(new Recorder(log, i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                {
                    n++;
                }
            }
            SipReceiveThread.RunDeferred();
            return n;
        });
        Assert.Equal(8, accepted);
        Assert.Equal(8, log.Count);
    }
}
