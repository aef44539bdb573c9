using Microsoft.Extensions.Logging.Abstractions;
using Switch.Sip.Message;
using Switch.Sip.Transactions;

namespace Switch.Tests.Sip.Transactions;

/// <summary>
/// On the system clock the timer queue fires from a thread of its own, sleeping until the next deadline: the
/// timers fire there, a sooner timer wakes the sleeping thread, and disposing the layer ends the thread.
/// </summary>
public sealed class SipTimerQueueThreadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeSipTransport _transport = new(new ManualTimeProvider());
    private readonly SipTransactionLayer _layer;

    public SipTimerQueueThreadTests()
    {
        // T1 = 5 s: the first retransmission timer (E) makes the thread sleep for 5 s.
        _layer = new SipTransactionLayer(_transport, new RecordingRequestHandler(), TimeProvider.System,
            new SipTransactionOptions { T1 = TimeSpan.FromSeconds(5), T2 = TimeSpan.FromSeconds(5) }, NullLogger<SipTransactionLayer>.Instance);
    }

    public void Dispose() => _layer.Dispose();

    [Fact]
    public void The_system_clock_gets_the_queues_own_thread_and_a_manual_clock_does_not()
    {
        Assert.NotNull(_layer.Timers.OwnThread);
        Assert.Equal("sip-timers", _layer.Timers.OwnThread.Name);
        using var manual = new SipTimerQueue(new ManualTimeProvider());
        Assert.Null(manual.OwnThread);
    }

    [Fact]
    public void A_sooner_timer_wakes_the_thread_sleeping_for_a_later_one_and_fires_on_that_thread()
    {
        var tx = _layer.SendRequest(TransactionTestBase.Outgoing("OPTIONS"), TransactionTestBase.UdpTarget);
        Thread.Sleep(100); // let the thread go to sleep until Timer E (5 s)
        using var fired = new ManualResetEventSlim();
        string? firedOn = null;
        var started = System.Diagnostics.Stopwatch.StartNew();
        _ = _layer.Timers.Start(TimeSpan.FromMilliseconds(30), tx, _ =>
        {
            firedOn = Thread.CurrentThread.Name;
            fired.Set();
        });

        Assert.True(fired.Wait(Patience), "the 30 ms timer did not fire");
        // Without the wake-up it would have fired with Timer E, 5 s after the request.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(4), $"fired after {started.Elapsed}");
        Assert.Equal("sip-timers", firedOn);
        Assert.Single(_transport.Sent); // Timer E has not fired yet: no retransmission
    }

    [Fact]
    public void A_failing_callback_does_not_stop_the_timers_due_with_it()
    {
        var tx = _layer.SendRequest(TransactionTestBase.Outgoing("OPTIONS"), TransactionTestBase.UdpTarget);
        using var fired = new ManualResetEventSlim();
        _ = _layer.Timers.Start(TimeSpan.FromMilliseconds(20), tx, _ => throw new InvalidOperationException("boom"));
        _ = _layer.Timers.Start(TimeSpan.FromMilliseconds(20), tx, _ => fired.Set());

        Assert.True(fired.Wait(Patience), "the timer due with the failing one did not fire");
        // The thread is still alive and fires later timers too.
        using var later = new ManualResetEventSlim();
        _ = _layer.Timers.Start(TimeSpan.FromMilliseconds(20), tx, _ => later.Set());
        Assert.True(later.Wait(Patience), "the thread stopped after a failing callback");
    }

    [Fact]
    public void Disposing_the_layer_ends_the_thread()
    {
        _ = _layer.SendRequest(TransactionTestBase.Outgoing("OPTIONS"), TransactionTestBase.UdpTarget);
        var thread = _layer.Timers.OwnThread!;
        Assert.True(thread.IsAlive);
        _layer.Dispose();
        Assert.True(thread.Join(Patience), "the timer thread did not end");
    }
}
