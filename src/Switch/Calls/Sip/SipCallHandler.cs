using Microsoft.Extensions.Logging;
using Switch.Registrar;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Calls.Sip;

/// <summary>
/// The B2BUA's seam into the transaction layer: new INVITEs become parked channels (after 407 digest
/// authentication unless the source is trusted), requests inside a dialog go to their leg, ACK, CANCEL,
/// stray 2xx retransmissions and ACK timeouts likewise. Other out-of-dialog requests (REGISTER, OPTIONS,
/// MESSAGE) are declined so the host's dispatcher can route them elsewhere.
/// </summary>
internal sealed partial class SipCallHandler(
    SipCallContext context,
    CallEngine engine,
    RequestAuthenticator? authenticator,
    UserDirectory? directory) : ISipRequestHandler
{
    private ILogger Logger => context.Logger;

    public bool OnRequest(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        try
        {
            if (request.ToTag is not null)
            {
                if (context.Legs.Find(request.CallId, request.ToTag) is { } leg)
                {
                    leg.OnRequest(transaction);
                }
                else
                {
                    transaction.TryRespond(481);
                }
                return true;
            }
            if (request.IsInvite && transaction is ServerInviteTransaction invite)
            {
                OnInvite(invite);
                return true;
            }
            if (request.Method is SipMethod.Bye or SipMethod.Update or SipMethod.Info)
            {
                transaction.TryRespond(481);
                return true;
            }
            return false;
        }
        catch (Exception ex)
        {
            SipCallLog.HandlerFailed(Logger, ex, request.Method, request.CallId);
            transaction.TryRespond(500);
            return true;
        }
    }

    public void OnAck(SipRequest ack, SipFlow flow) => context.Legs.Find(ack.CallId, ack.ToTag)?.OnAck(ack);

    public void OnCancel(ServerInviteTransaction invite, SipRequest cancel)
    {
        if (context.Legs.Find(cancel.CallId, invite.LocalTag) is SipInboundLeg leg)
        {
            leg.OnCancel(cancel);
        }
        else
        {
            invite.TryRespond(487);
        }
    }

    public void OnStrayResponse(SipResponse response, SipFlow flow)
    {
        if (context.Legs.Find(response.CallId, response.FromTag) is SipOutboundLeg leg)
        {
            leg.OnStrayResponse(response);
        }
    }

    public void OnAckTimeout(ServerInviteTransaction invite)
    {
        if (invite.Request.ToTag is null && context.Legs.Find(invite.Request.CallId, invite.LocalTag) is SipInboundLeg leg)
        {
            leg.OnAckTimeout();
        }
    }
}
