using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

/// <summary>Non-INVITE server transaction (RFC 3261 §17.2.2).</summary>
internal sealed class ServerNonInviteTransaction : SipServerTransaction
{
    internal ServerNonInviteTransaction(SipTransactionLayer layer, SipRequest request, SipFlow flow, ServerTransactionKey key)
        : base(layer, request, flow, key)
    {
        State = SipTransactionState.Trying;
    }

    public override bool TrySendResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return false;
            }

            LastResponse = response;
            if (response.IsProvisional)
            {
                State = SipTransactionState.Proceeding;
            }
            else
            {
                State = SipTransactionState.Completed;
                if (!IsReliable)
                {
                    // Completed for Timer J lives on as the response alone (RFC 3261 §17.2.2): the cache answers
                    // retransmissions, and this object, its request and its timers go now.
                    Layer.Completed.Add(Key, response, Flow);
                }

                Terminate();
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
}
