using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

internal sealed partial class SipTransactionLayer
{
    /// <summary>
    /// Sends a request in a new client transaction. The layer prepends the top Via (sent-by from the transport, a new
    /// branch, rport); the request must not carry a Via of its own. Responses arrive on <paramref name="onResponse"/> when
    /// given (else on the transaction's <see cref="SipClientTransaction.Responses"/>) and on <see cref="SipClientTransaction.FinalResponse"/>;
    /// <paramref name="onResponse"/> is called on a transport/timer thread under the transaction's lock: post, never block.
    /// </summary>
    public SipClientTransaction SendRequest(SipRequest request, SipTarget target, Action<SipClientTransaction, SipResponse>? onResponse = null)
    {
        if (request.IsAck)
        {
            throw new ArgumentException("Send ACK with SendAck; it has no transaction.", nameof(request));
        }

        if (request.CSeq is null || request.CallId is null || request.From is null || request.To is null)
        {
            throw new ArgumentException("A request needs From, To, Call-ID and CSeq.", nameof(request));
        }

        var sent = WithTopVia(request, target, SipIdentifiers.NewBranch());
        SipClientTransaction tx = sent.IsInvite
            ? new ClientInviteTransaction(this, sent, target, onResponse)
            : new ClientNonInviteTransaction(this, sent, target, onResponse);
        _client[tx.Key] = tx;
        tx.Start();
        return tx;
    }

    /// <summary>The host:port the switch is reachable at from <paramref name="target"/> (for Via and Contact).</summary>
    public string GetSentBy(SipTarget target) => _transport.GetViaSentBy(target);

    /// <summary>Sends the ACK for a 2xx (RFC 3261 §13.2.2.4): no transaction; a Via with a new branch is prepended.</summary>
    public void SendAck(SipRequest ack, SipTarget target)
    {
        if (!ack.IsAck)
        {
            throw new ArgumentException("Not an ACK.", nameof(ack));
        }

        SendRequest(null, WithTopVia(ack, target, SipIdentifiers.NewBranch()), target);
    }

    /// <summary>Sends a request or response outside any transaction, exactly as given (it must carry its own Via).</summary>
    public void SendStateless(SipMessage message, SipTarget target)
    {
        if (message is SipRequest request)
        {
            SendRequest(null, request, target);
        }
        else
        {
            SendResponse((SipResponse)message, new SipFlow(target.Transport, new System.Net.IPEndPoint(System.Net.IPAddress.Any, 0), target.EndPoint, target.ConnectionId));
        }
    }

    /// <summary>
    /// Cancels a pending INVITE (RFC 3261 §9.1): the CANCEL is sent in its own client transaction once a provisional
    /// response was received (deferred until then while still Calling). Returns the CANCEL transaction when sent now.
    /// <paramref name="reason"/>, when given, goes in a Reason header (RFC 3326), e.g.
    /// <c>SIP;cause=200;text="Call completed elsewhere"</c>; a deferred CANCEL carries it too.
    /// </summary>
    public SipClientTransaction? Cancel(ClientInviteTransaction invite, string? reason = null)
    {
        if (!invite.RequestCancel(reason, out _))
        {
            return null;
        }

        return SendCancel(invite);
    }

    internal SipClientTransaction SendCancel(ClientInviteTransaction invite)
    {
        var request = invite.Request;
        var builder = SipMessageBuilder.Request(SipMethod.Cancel, request.RequestUri)
            .AddHeader(SipHeaderNames.Via, request.TopVia!.ToString());
        foreach (var route in request.GetHeaders(SipHeaderNames.Route))
        {
            _ = builder.AddHeader(SipHeaderNames.Route, route);
        }

        _ = builder
            .AddHeader(SipHeaderNames.MaxForwards, "70")
            .AddHeader(SipHeaderNames.From, request.GetHeader(SipHeaderNames.From)!)
            .AddHeader(SipHeaderNames.To, request.GetHeader(SipHeaderNames.To)!)
            .AddHeader(SipHeaderNames.CallId, request.CallId!)
            .AddHeader(SipHeaderNames.CSeq, new SipCSeq(request.CSeq!.Value.Number, SipMethod.Cancel).ToString());
        if (invite.CancelReason is { } reason)
        {
            _ = builder.AddHeader(SipHeaderNames.Reason, reason);
        }

        var tx = new ClientNonInviteTransaction(this, builder.BuildRequest(), invite.Target, null);
        _client[tx.Key] = tx;
        tx.Start();
        return tx;
    }

    private SipRequest WithTopVia(SipRequest request, SipTarget target, string branch)
    {
        var sentBy = _transport.GetViaSentBy(target);
        var via = "SIP/2.0/" + (target.Transport == SipTransportType.Tcp ? "TCP " : "UDP ") + sentBy + ";branch=" + branch + ";rport";
        return request.WithOnlyVia(via);
    }
}
