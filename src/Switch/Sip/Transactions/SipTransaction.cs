using Switch.Sip.Message;

namespace Switch.Sip.Transactions;

/// <summary>
/// Common machinery of the four machines: state under a lock, one-shot timers on the layer's TimeProvider and
/// removal from the layer when terminated.
/// </summary>
internal abstract class SipTransaction
{
    private readonly List<ITimer> _timers = new(3);

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

    private protected object Gate => _timers;

    private protected SipTransactionOptions Options => Layer.Options;

    /// <summary>Starts a one-shot timer whose callback runs under the transaction lock.</summary>
    private protected ITimer StartTimer(TimeSpan due, Action<SipTransaction> callback)
    {
        ITimer? timer = null;
        timer = Layer.Time.CreateTimer(
            static state =>
            {
                var (tx, cb) = ((SipTransaction, Action<SipTransaction>))state!;
                lock (tx.Gate)
                {
                    if (!tx.IsTerminated)
                    {
                        cb(tx);
                    }
                }
            },
            (this, callback),
            due,
            Timeout.InfiniteTimeSpan);
        _timers.Add(timer);
        return timer;
    }

    private protected static void Stop(ref ITimer? timer)
    {
        timer?.Dispose();
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
            t.Dispose();
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
