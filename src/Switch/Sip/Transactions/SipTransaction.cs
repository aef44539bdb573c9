using Switch.Sip.Message;

namespace Switch.Sip.Transactions;

/// <summary>
/// Common machinery of the four machines: state under a lock, one-shot timers on the layer's TimeProvider and
/// removal from the layer when terminated.
/// </summary>
internal abstract class SipTransaction
{
    private readonly List<SipTimer> _timers = new(3);

    private protected SipTransaction(SipTransactionLayer layer, SipRequest request, string branch, bool reliable)
    {
        Layer = layer;
        Request = request;
        Branch = branch;
        IsReliable = reliable;
    }

    /// <summary>The request that created the transaction (for client transactions: as sent, with our Via).</summary>
    public SipRequest Request { get; }

    /// <summary>The top Via branch identifying the transaction.</summary>
    public string Branch { get; }

    public bool IsReliable { get; }

    public SipTransactionState State { get; private protected set; }

    public bool IsTerminated => State == SipTransactionState.Terminated;

    private protected SipTransactionLayer Layer { get; }

    /// <summary>The transaction's lock: state changes and timer callbacks run under it.</summary>
    internal object Gate => _timers;

    private protected SipTransactionOptions Options => Layer.Options;

    /// <summary>Starts a one-shot timer (on the layer's <see cref="SipTimerQueue"/>) whose callback runs under the transaction lock.</summary>
    private protected SipTimer StartTimer(TimeSpan due, Action<SipTransaction> callback)
    {
        var timer = Layer.Timers.Start(due, this, callback);
        _timers.Add(timer);
        return timer;
    }

    /// <summary>Starts the next round of a retransmission timer from inside its own (fired) callback.</summary>
    private protected SipTimer Restart(SipTimer? fired, TimeSpan due, Action<SipTransaction> callback)
    {
        if (fired is not null)
        {
            _timers.Remove(fired);
        }
        return StartTimer(due, callback);
    }

    private protected static void Stop(ref SipTimer? timer)
    {
        timer?.Stop();
        timer = null;
    }

    /// <summary>Moves to Terminated, stops every timer and leaves the layer's tables. Call under the lock.</summary>
    private protected void Terminate()
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }

        State = SipTransactionState.Terminated;
        foreach (var t in _timers)
        {
            t.Stop();
        }

        _timers.Clear();
        OnTerminated();
    }

    private protected abstract void OnTerminated();

    internal void Shutdown()
    {
        lock (Gate)
        {
            Terminate();
        }
    }
}
