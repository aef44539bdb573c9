using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

internal sealed partial class SipTransactionLayer
{
    public void OnMessage(SipMessage message, SipFlow flow)
    {
        if (message is SipRequest request)
        {
            OnRequest(request, flow);
        }
        else
        {
            OnResponse((SipResponse)message, flow);
        }
    }

    public void OnInvalidMessage(SipParseError error, SipFlow flow)
    {
        if (error.Partial is not { } partial || partial.Method == SipMethod.Ack)
        {
            SipTransactionLog.Dropped(Logger, "unparseable message", flow.ToString(), error.ToString());
            return;
        }

        SipTransactionLog.Rejected(Logger, partial.Method, flow.ToString(), 400, error.ReasonPhrase);
        SendRaw(SipRequestValidator.CreateBadRequest(partial, error.ReasonPhrase), flow.ToTarget());
    }

    private void SendRaw(ReadOnlyMemory<byte> bytes, SipTarget target)
    {
        try
        {
            var pending = _transport.SendRawAsync(bytes, target);
            if (!pending.IsCompletedSuccessfully)
            {
                _ = ObserveAsync(pending, target.EndPoint.ToString(), null);
            }
        }
        catch (Exception ex)
        {
            SipTransactionLog.SendFailed(Logger, target.EndPoint.ToString(), ex);
        }
    }

    private void OnResponse(SipResponse response, SipFlow flow)
    {
        var verdict = _validator.ValidateResponse(response);
        if (!verdict.IsAccepted || response.TopVia!.Branch is not { } branch)
        {
            SipTransactionLog.Dropped(Logger, "response", flow.ToString(), "cannot be handled");
            return;
        }

        if (_client.TryGetValue(new ClientTransactionKey(branch, response.CSeq!.Value.Method), out var tx))
        {
            tx.OnResponse(response);
            return;
        }

        try
        {
            _handler.OnStrayResponse(response, flow);
        }
        catch (Exception ex)
        {
            SipTransactionLog.HandlerFailed(Logger, response.CSeq!.Value.Method, response.CallId, ex);
        }
    }

    private void OnRequest(SipRequest request, SipFlow flow)
    {
        if (request.TopVia is not { } via || request.CSeq is null)
        {
            SipTransactionLog.Dropped(Logger, request.Method, flow.ToString(), "no Via or CSeq: the answer cannot be routed");
            return;
        }

        var key = ServerKey(request, via, request.IsAck ? SipMethod.Invite : request.Method);
        if (request.IsAck)
        {
            OnAckRequest(request, flow, key);
            return;
        }

        if (_server.TryGetValue(key, out var existing))
        {
            existing.OnRetransmission();
            return;
        }

        if (Completed.TryGet(key, out var final, out var finalTarget))
        {
            SendRaw(final, finalTarget);
            return;
        }

        var validation = _validator.Validate(request);
        if (!validation.IsAccepted)
        {
            SipTransactionLog.Rejected(Logger, request.Method, flow.ToString(), validation.Status, validation.Reason);
            if (!request.IsInvite)
            {
                // Stateless (RFC 3261 §8.2): a retransmission is simply rejected again.
                SendResponse(validation.CreateResponse(request), flow);
            }
            else if (TryCreateServer(request, flow, key, out var rejected))
            {
                // INVITE keeps a transaction so that the ACK for the rejection is absorbed.
                _ = rejected.TrySendResponse(validation.CreateResponse(request, rejected.LocalTag));
            }

            return;
        }

        if (request.Method == SipMethod.Options && request.RequestUri.User is null)
        {
            // OPTIONS to the switch itself (keep-alive pings): answered statelessly, no transaction kept for 64*T1.
            SendResponse(CreateOptionsResponse(request, SipIdentifiers.NewTag()), flow);
            return;
        }

        if (request.IsCancel)
        {
            OnCancelRequest(request, flow, key, via);
            return;
        }

        if (request.ToTag is null && request.CallId is { } callId && _pending.TryGetValue(new DialogRequestKey(callId, request.FromTag, request.CSeq.Value.Number), out var merged)
            && merged.Request.Method == request.Method && merged.Key != key)
        {
            if (TryCreateServer(request, flow, key, out var loop))
            {
                _ = loop.TryRespond(482);
            }

            return;
        }

        if (!TryCreateServer(request, flow, key, out var tx))
        {
            return;
        }

        Dispatch(tx);
    }

    private void Dispatch(SipServerTransaction tx)
    {
        var request = tx.Request;
        bool accepted;
        try
        {
            accepted = _handler.OnRequest(tx);
        }
        catch (Exception ex)
        {
            SipTransactionLog.HandlerFailed(Logger, request.Method, request.CallId, ex);
            _ = tx.TryRespond(500);
            return;
        }

        if (accepted)
        {
            return;
        }

        if (request.Method == SipMethod.Options)
        {
            _ = tx.TrySendResponse(CreateOptionsResponse(request, tx.LocalTag));
            return;
        }

        var builder = tx.CreateResponseBuilder(501).AddHeader(SipHeaderNames.Allow, Options.Allow);
        _ = tx.TrySendResponse(AddServer(builder).BuildResponse());
    }

    private SipResponse CreateOptionsResponse(SipRequest request, string toTag)
    {
        var builder = SipResponse.BuilderFor(request, 200, null, toTag)
            .AddHeader(SipHeaderNames.Allow, Options.Allow)
            .AddHeader(SipHeaderNames.Supported, Options.Supported)
            .AddHeader(SipHeaderNames.Accept, "application/sdp");
        return AddServer(builder).BuildResponse();
    }

    private SipMessageBuilder AddServer(SipMessageBuilder builder) =>
        Options.ServerHeader is { } server ? builder.AddHeader(SipHeaderNames.Server, server) : builder;

    private void OnAckRequest(SipRequest ack, SipFlow flow, ServerTransactionKey key)
    {
        if (_server.TryGetValue(key, out var tx) && tx is ServerInviteTransaction invite)
        {
            if (!invite.OnAck())
            {
                return;
            }
        }
        else if (ack.CallId is { } callId && _awaitingAck.TryGetValue(new DialogRequestKey(callId, ack.FromTag, ack.CSeq!.Value.Number), out var accepted))
        {
            accepted.On2xxAck();
        }

        try
        {
            _handler.OnAck(ack, flow);
        }
        catch (Exception ex)
        {
            SipTransactionLog.HandlerFailed(Logger, ack.Method, ack.CallId, ex);
        }
    }

    private void OnCancelRequest(SipRequest cancel, SipFlow flow, ServerTransactionKey key, SipVia via)
    {
        if (!TryCreateServer(cancel, flow, key, out var cancelTx))
        {
            return;
        }

        var inviteKey = ServerKey(cancel, via, SipMethod.Invite);
        if (!_server.TryGetValue(inviteKey, out var target) || target is not ServerInviteTransaction invite)
        {
            _ = cancelTx.TryRespond(481);
            return;
        }

        _ = cancelTx.TryRespond(200);
        if (!invite.MarkCancelled())
        {
            return;
        }

        try
        {
            _handler.OnCancel(invite, cancel);
        }
        catch (Exception ex)
        {
            SipTransactionLog.HandlerFailed(Logger, cancel.Method, cancel.CallId, ex);
        }
    }

    private bool TryCreateServer(SipRequest request, SipFlow flow, ServerTransactionKey key, out SipServerTransaction tx)
    {
        tx = request.IsInvite
            ? new ServerInviteTransaction(this, request, flow, key)
            : new ServerNonInviteTransaction(this, request, flow, key);
        if (!_server.TryAdd(key, tx))
        {
            // A retransmission raced us: let the winner absorb it.
            if (_server.TryGetValue(key, out var winner))
            {
                winner.OnRetransmission();
            }

            return false;
        }

        if (request.ToTag is null && request.CallId is { } callId && !request.IsCancel)
        {
            _ = _pending.TryAdd(new DialogRequestKey(callId, request.FromTag, request.CSeq!.Value.Number), tx);
        }

        if (tx is ServerInviteTransaction invite)
        {
            invite.Start();
        }

        return true;
    }

    /// <summary>RFC 3261 §17.2.3 key, or the RFC 2543 fallback when the branch lacks the magic cookie.</summary>
    private static ServerTransactionKey ServerKey(SipRequest request, SipVia via, string method)
    {
        var port = via.Port ?? 0;
        if (via.HasRfc3261Branch)
        {
            return new ServerTransactionKey(via.Branch!, via.Host, port, method);
        }

        var legacy = string.Concat(request.CallId, "|", request.FromTag, "|", request.CSeq!.Value.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "|", via.Branch, "|", request.RequestUri.ToString());
        return new ServerTransactionKey(legacy, via.Host, port, method);
    }
}
