using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

/// <summary>
/// INVITE client transaction (RFC 3261 §17.1.1 with RFC 6026's Accepted state): timers A, B, D, M; builds and sends
/// the ACK for non-2xx final responses itself (§17.1.1.3). The ACK for a 2xx is the transaction user's (see
/// <see cref="SipTransactionLayer.SendAck"/>); 2xx retransmissions keep arriving (callback or <see cref="SipClientTransaction.Responses"/>)
/// while Accepted.
/// </summary>
internal sealed class ClientInviteTransaction : SipClientTransaction
{
    private SipTimer? _timerA;
    private SipTimer? _timerB;
    private TimeSpan _interval;
    private SipRequest? _ack;
    private bool _cancelPending;

    internal ClientInviteTransaction(SipTransactionLayer layer, SipRequest request, string branch, SipTarget target, Action<SipClientTransaction, SipResponse>? callback)
        : base(layer, request, branch, target, callback)
    {
        State = SipTransactionState.Calling;
    }

    /// <summary>True once any provisional or final response was received.</summary>
    public bool HasResponse { get; private set; }

    /// <summary>The Reason header value the CANCEL carries (set by the first cancel request), or null.</summary>
    internal string? CancelReason { get; private set; }

    internal override void Start()
    {
        lock (Gate)
        {
            if (!IsReliable)
            {
                _interval = Options.T1;
                _timerA = StartTimer(_interval, static tx => ((ClientInviteTransaction)tx).OnTimerA());
            }

            _timerB = StartTimer(Options.TimeoutInterval, static tx => ((ClientInviteTransaction)tx).OnTimerB());
        }

        Send();
    }

    /// <summary>
    /// Asks to cancel: true when a CANCEL should be sent now (a provisional was received); when still Calling the
    /// CANCEL is deferred until the first provisional (§9.1) and false is returned.
    /// </summary>
    internal bool RequestCancel(string? reason, out bool deferred)
    {
        lock (Gate)
        {
            deferred = false;
            CancelReason ??= reason;
            if (State == SipTransactionState.Proceeding)
            {
                return true;
            }

            if (State == SipTransactionState.Calling)
            {
                _cancelPending = true;
                deferred = true;
            }

            return false;
        }
    }

    internal override void OnResponse(SipResponse response)
    {
        var sendCancel = false;
        lock (Gate)
        {
            switch (State)
            {
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsProvisional:
                    HasResponse = true;
                    Stop(ref _timerA);
                    sendCancel = State == SipTransactionState.Calling && _cancelPending;
                    State = SipTransactionState.Proceeding;
                    Deliver(response);
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsSuccess:
                    HasResponse = true;
                    State = SipTransactionState.Accepted;
                    StopAll();
                    _ = StartTimer(Options.TimeoutInterval, static tx => ((ClientInviteTransaction)tx).Terminate());
                    Deliver(response);
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding:
                    HasResponse = true;
                    State = SipTransactionState.Completed;
                    StopAll();
                    _ack = CreateAck(response);
                    Layer.SendRequest(this, _ack, Target);
                    if (IsReliable)
                    {
                        Terminate();
                    }
                    else
                    {
                        _ = StartTimer(Options.TimerD, static tx => ((ClientInviteTransaction)tx).Terminate());
                    }

                    Deliver(response);
                    break;
                case SipTransactionState.Accepted when response.IsSuccess:
                    Deliver(response);
                    break;
                case SipTransactionState.Completed when !response.IsProvisional && !response.IsSuccess:
                    Layer.SendRequest(this, _ack!, Target);
                    break;
                default:
                    SipTransactionLog.IgnoredResponse(Layer.Logger, response.StatusCode, State, Branch);
                    break;
            }
        }

        if (sendCancel)
        {
            Layer.SendCancel(this);
        }
    }

    /// <summary>The ACK for a non-2xx final response (RFC 3261 §17.1.1.3).</summary>
    private SipRequest CreateAck(SipResponse response)
    {
        var builder = SipMessageBuilder.Request(SipMethod.Ack, Request.RequestUri)
            .AddHeader(SipHeaderNames.Via, Request.TopVia!.ToString());
        foreach (var route in Request.GetHeaders(SipHeaderNames.Route))
        {
            _ = builder.AddHeader(SipHeaderNames.Route, route);
        }

        return builder
            .AddHeader(SipHeaderNames.MaxForwards, "70")
            .AddHeader(SipHeaderNames.From, Request.GetHeader(SipHeaderNames.From)!)
            .AddHeader(SipHeaderNames.To, response.GetHeader(SipHeaderNames.To) ?? Request.GetHeader(SipHeaderNames.To)!)
            .AddHeader(SipHeaderNames.CallId, Request.CallId!)
            .AddHeader(SipHeaderNames.CSeq, new SipCSeq(Request.CSeq!.Value.Number, SipMethod.Ack).ToString())
            .BuildRequestOnce();
    }

    private void OnTimerA()
    {
        if (State != SipTransactionState.Calling)
        {
            return;
        }

        Send();
        _interval *= 2;
        _timerA = Restart(_timerA, _interval, static tx => ((ClientInviteTransaction)tx).OnTimerA());
    }

    private void OnTimerB()
    {
        if (State == SipTransactionState.Calling)
        {
            DeliverTimeout();
            Terminate();
        }
    }

    private void StopAll()
    {
        Stop(ref _timerA);
        Stop(ref _timerB);
    }

    private protected override void OnTerminated()
    {
        Stop(ref _timerA);
        base.OnTerminated();
    }
}
