using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

/// <summary>Non-INVITE client transaction (RFC 3261 §17.1.2): timers E, F, K.</summary>
internal sealed class ClientNonInviteTransaction : SipClientTransaction
{
    private SipTimer? _timerE;
    private TimeSpan _interval;

    internal ClientNonInviteTransaction(SipTransactionLayer layer, SipRequest request, string branch, SipTarget target, Action<SipClientTransaction, SipResponse>? callback)
        : base(layer, request, branch, target, callback)
    {
        State = SipTransactionState.Trying;
    }

    internal override void Start()
    {
        lock (Gate)
        {
            if (!IsReliable)
            {
                _interval = Options.T1;
                _timerE = StartTimer(_interval, static tx => ((ClientNonInviteTransaction)tx).OnTimerE());
            }

            _ = StartTimer(Options.TimeoutInterval, static tx => ((ClientNonInviteTransaction)tx).OnTimerF());
        }

        Send();
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }

            if (response.IsProvisional)
            {
                State = SipTransactionState.Proceeding;
                Deliver(response);
                return;
            }

            State = SipTransactionState.Completed;
            Stop(ref _timerE);
            Deliver(response);
            if (IsReliable)
            {
                Terminate();
            }
            else
            {
                _ = StartTimer(Options.T4, static tx => ((ClientNonInviteTransaction)tx).Terminate());
            }
        }
    }

    private void OnTimerE()
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }

        Send();
        _interval = State == SipTransactionState.Proceeding ? Options.T2 : (_interval * 2 > Options.T2 ? Options.T2 : _interval * 2);
        _timerE = Restart(_timerE, _interval, static tx => ((ClientNonInviteTransaction)tx).OnTimerE());
    }

    private void OnTimerF()
    {
        if (State is SipTransactionState.Trying or SipTransactionState.Proceeding)
        {
            DeliverTimeout();
            Terminate();
        }
    }

    private protected override void OnTerminated()
    {
        Stop(ref _timerE);
        base.OnTerminated();
    }
}
