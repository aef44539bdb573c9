using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

/// <summary>
/// INVITE server transaction (RFC 3261 §17.2.1 with RFC 6026's Accepted state). On a 2xx it retransmits the 2xx
/// over unreliable transports (T1 doubling up to T2, §13.3.1.4) until the ACK arrives or 64*T1 passes, then tells
/// the transaction user through <see cref="ISipRequestHandler.OnAckTimeout"/>.
/// </summary>
internal sealed class ServerInviteTransaction : SipServerTransaction
{
    private SipTimer? _timerG;
    private SipTimer? _timerH;
    private SipTimer? _timerI;
    private SipTimer? _timerL;
    private SipTimer? _retransmit2xx;
    private TimeSpan _interval;
    private int _cancelled;

    internal ServerInviteTransaction(SipTransactionLayer layer, SipRequest request, SipFlow flow, ServerTransactionKey key)
        : base(layer, request, flow, key)
    {
        State = SipTransactionState.Proceeding;
    }

    /// <summary>True once a CANCEL for this INVITE was received.</summary>
    public bool IsCancelled => Volatile.Read(ref _cancelled) != 0;

    /// <summary>True once the ACK for the 2xx was received.</summary>
    public bool IsAcknowledged { get; private set; }

    internal DialogRequestKey DialogKey => new(Request.CallId ?? string.Empty, Request.FromTag, Request.CSeq?.Number ?? 0);

    internal void Start()
    {
        if (Options.SendTryingImmediately)
        {
            _ = TrySendResponse(SipResponse.CreateFor(Request, 100));
        }
    }

    public override bool TrySendResponse(SipResponse response)
    {
        lock (Gate)
        {
            switch (State)
            {
                case SipTransactionState.Proceeding when response.IsProvisional:
                    LastResponse = response;
                    break;
                case SipTransactionState.Proceeding when response.IsSuccess:
                    LastResponse = response;
                    State = SipTransactionState.Accepted;
                    _timerL = StartTimer(Options.TimeoutInterval, static tx => ((ServerInviteTransaction)tx).OnTimerL());
                    if (!IsReliable)
                    {
                        _interval = Options.T1;
                        _retransmit2xx = StartTimer(_interval, static tx => ((ServerInviteTransaction)tx).OnRetransmit2xx());
                    }

                    Layer.AwaitAck(this);
                    break;
                case SipTransactionState.Proceeding:
                    LastResponse = response;
                    State = SipTransactionState.Completed;
                    if (!IsReliable)
                    {
                        _interval = Options.T1;
                        _timerG = StartTimer(_interval, static tx => ((ServerInviteTransaction)tx).OnTimerG());
                    }

                    _timerH = StartTimer(Options.TimeoutInterval, static tx => ((ServerInviteTransaction)tx).OnTimerH());
                    break;
                case SipTransactionState.Accepted when response.IsSuccess:
                    LastResponse = response;
                    break;
                default:
                    return false;
            }
        }

        Send(response);
        return true;
    }

    internal override void OnRetransmission()
    {
        SipResponse? resend;
        lock (Gate)
        {
            resend = State is SipTransactionState.Proceeding or SipTransactionState.Completed ? LastResponse : null;
        }

        if (resend is not null)
        {
            Send(resend);
        }
    }

    /// <summary>An ACK with this transaction's branch: the ACK for a non-2xx final response (§17.2.1).</summary>
    /// <returns>True when the ACK is for a 2xx (a UA that reused the INVITE branch) and must reach the TU.</returns>
    internal bool OnAck()
    {
        lock (Gate)
        {
            if (State == SipTransactionState.Completed)
            {
                State = SipTransactionState.Confirmed;
                Stop(ref _timerG);
                Stop(ref _timerH);
                if (IsReliable)
                {
                    Terminate();
                }
                else
                {
                    _timerI = StartTimer(Options.T4, static tx => ((ServerInviteTransaction)tx).OnTimerI());
                }

                return false;
            }

            if (State == SipTransactionState.Accepted)
            {
                AcknowledgeCore();
                return true;
            }

            return false;
        }
    }

    /// <summary>The ACK for the 2xx arrived (matched by dialog): stop retransmitting the 2xx.</summary>
    internal void On2xxAck()
    {
        lock (Gate)
        {
            if (State == SipTransactionState.Accepted)
            {
                AcknowledgeCore();
            }
        }
    }

    /// <summary>Marks the INVITE cancelled; false when it already was or a final response was sent.</summary>
    internal bool MarkCancelled()
    {
        lock (Gate)
        {
            return State == SipTransactionState.Proceeding && Interlocked.Exchange(ref _cancelled, 1) == 0;
        }
    }

    private void AcknowledgeCore()
    {
        IsAcknowledged = true;
        Stop(ref _retransmit2xx);

        // Accepted absorbs INVITE retransmissions without answering: the 2xx is not sent again, so it is not kept
        // for the rest of Timer L.
        LastResponse = null;
    }

    private void OnRetransmit2xx()
    {
        if (IsAcknowledged || LastResponse is null)
        {
            return;
        }

        Send(LastResponse);
        _interval = _interval * 2 > Options.T2 ? Options.T2 : _interval * 2;
        _retransmit2xx = Restart(_retransmit2xx, _interval, static tx => ((ServerInviteTransaction)tx).OnRetransmit2xx());
    }

    private void OnTimerG()
    {
        Send(LastResponse!);
        _interval = _interval * 2 > Options.T2 ? Options.T2 : _interval * 2;
        _timerG = Restart(_timerG, _interval, static tx => ((ServerInviteTransaction)tx).OnTimerG());
    }

    private void OnTimerH() => Terminate();

    private void OnTimerI() => Terminate();

    private void OnTimerL()
    {
        var acknowledged = IsAcknowledged;
        Terminate();
        if (!acknowledged)
        {
            Layer.NotifyAckTimeout(this);
        }
    }

    private protected override void OnTerminated()
    {
        Stop(ref _timerG);
        Stop(ref _timerH);
        Stop(ref _timerI);
        Stop(ref _timerL);
        Stop(ref _retransmit2xx);
        Layer.StopAwaitingAck(this);
        base.OnTerminated();
    }
}
