using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

internal sealed partial class SipTransactionLayer
{
    /// <summary>
    /// Sends a request in a new client transaction, building it once: the layer prepends the top Via (sent-by from the
    /// transport, a new branch, rport) to <paramref name="request"/>, replacing any Via it holds, and builds it with
    /// <see cref="SipMessageBuilder.BuildRequestOnce"/> (the builder is spent). Every send of the transaction (first and
    /// retransmissions) is that one message. Responses as for <see cref="SendRequest(SipRequest, SipTarget, Action{SipClientTransaction, SipResponse}?)"/>.
    /// </summary>
    public SipClientTransaction SendRequest(SipMessageBuilder request, SipTarget target, Action<SipClientTransaction, SipResponse>? onResponse = null)
    {
        if (!request.IsRequest)
        {
            throw new ArgumentException("Not a request.", nameof(request));
        }

        if (request.Method == SipMethod.Ack)
        {
            throw new ArgumentException("Send ACK with SendAck; it has no transaction.", nameof(request));
        }

        var branch = SipIdentifiers.NewBranch();
        return Start(BuildWithTopVia(request, target, branch), branch, target, onResponse);
    }

    /// <summary>
    /// Sends a request in a new client transaction. The layer prepends the top Via (sent-by from the transport, a new
    /// branch, rport), which copies the request: prefer the builder overload. The request must not carry a Via of its own.
    /// Responses arrive on <paramref name="onResponse"/> when given (else on the transaction's <see cref="SipClientTransaction.Responses"/>)
    /// and on <see cref="SipClientTransaction.FinalResponse"/>; <paramref name="onResponse"/> is called on a transport/timer
    /// thread under the transaction's lock: post, never block.
    /// </summary>
    public SipClientTransaction SendRequest(SipRequest request, SipTarget target, Action<SipClientTransaction, SipResponse>? onResponse = null)
    {
        if (request.IsAck)
        {
            throw new ArgumentException("Send ACK with SendAck; it has no transaction.", nameof(request));
        }

        var branch = SipIdentifiers.NewBranch();
        return Start(WithTopVia(request, target, branch), branch, target, onResponse);
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

    /// <summary>Sends the ACK for a 2xx built from <paramref name="ack"/> once, with a new top Via (the builder is spent).</summary>
    public void SendAck(SipMessageBuilder ack, SipTarget target)
    {
        if (ack.Method != SipMethod.Ack)
        {
            throw new ArgumentException("Not an ACK.", nameof(ack));
        }

        SendRequest(null, BuildWithTopVia(ack, target, SipIdentifiers.NewBranch()), target);
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

        var tx = new ClientNonInviteTransaction(this, builder.BuildRequestOnce(), invite.Branch, invite.Target, null);
        _client[tx.Key] = tx;
        tx.Start();
        return tx;
    }

    private SipClientTransaction Start(SipRequest sent, string branch, SipTarget target, Action<SipClientTransaction, SipResponse>? onResponse)
    {
        CheckRequired(sent);
        SipClientTransaction tx = sent.IsInvite
            ? new ClientInviteTransaction(this, sent, branch, target, onResponse)
            : new ClientNonInviteTransaction(this, sent, branch, target, onResponse);
        _client[tx.Key] = tx;
        tx.Start();
        return tx;
    }

    /// <summary>Throws unless From, To, Call-ID and CSeq are there (a From or To line is valid once parsed or built: not read again).</summary>
    private static void CheckRequired(SipRequest request)
    {
        if (request.CSeq is null || request.CallId is null || request.CountHeaders(SipHeaderId.From) == 0 || request.CountHeaders(SipHeaderId.To) == 0)
        {
            throw new ArgumentException("A request needs From, To, Call-ID and CSeq.", nameof(request));
        }
    }

    /// <summary>The request built once with <paramref name="branch"/>'s Via as its only Via, the first line.</summary>
    private SipRequest BuildWithTopVia(SipMessageBuilder request, SipTarget target, string branch) =>
        request.RemoveHeader(SipHeaderNames.Via).PrependHeader(SipHeaderNames.Via, TopVia(target, branch)).BuildRequestOnce();

    /// <summary>A copy of <paramref name="request"/> with <paramref name="branch"/>'s Via (stateless users, requests built elsewhere).</summary>
    private SipRequest WithTopVia(SipRequest request, SipTarget target, string branch) => request.WithOnlyVia(TopVia(target, branch));

    private string TopVia(SipTarget target, string branch) =>
        string.Concat(target.Transport == SipTransportType.Tcp ? "SIP/2.0/TCP " : "SIP/2.0/UDP ", _transport.GetViaSentBy(target), ";branch=", branch, ";rport");
}
