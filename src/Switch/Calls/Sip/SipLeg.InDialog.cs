using Switch.Sdp;
using Switch.Sip.Dialogs;
using Switch.Sip.Message;
using Switch.Sip.Transactions;

namespace Switch.Calls.Sip;

/// <summary>Requests the far end sends inside the dialog: BYE, re-INVITE, UPDATE, INFO, OPTIONS.</summary>
internal abstract partial class SipLeg
{
    /// <summary>A request inside this leg's dialog (transport thread).</summary>
    public void OnRequest(SipServerTransaction tx)
    {
        var request = tx.Request;
        HangupCause? ended = null;
        IReadOnlyList<KeyValuePair<string, string>>? variables = null;
        SipInfoDtmf? dtmf = null;
        lock (Gate)
        {
            if (Dialog is not { } dialog || !string.Equals(request.FromTag, dialog.Id.RemoteTag, StringComparison.Ordinal)
                || (dialog.State == SipDialogState.Terminated && request.Method != SipMethod.Bye))
            {
                tx.TryRespond(481);
                return;
            }
            if (!dialog.TryAcceptRemoteCSeq(request))
            {
                tx.TryRespond(500, "Out of order CSeq");
                return;
            }
            switch (request.Method)
            {
                case SipMethod.Bye:
                    tx.TrySendResponse(tx.CreateResponseBuilder(200).AddHeader(SipHeaderNames.UserAgent, Context.Options.UserAgent).BuildResponseOnce());
                    if (IsEnded)
                    {
                        return;
                    }
                    IsEnded = true;
                    dialog.Terminate();
                    AbandonPendingOffer();
                    OnByeBeforeAnswer();
                    Release();
                    ended = SipCauses.FromBye(request.GetHeader(SipHeaderNames.Reason));
                    FarEndCause = ended;
                    variables = [new("sip_hangup_disposition", "recv_bye"), new("sip_term_status", "200")];
                    break;
                case SipMethod.Invite:
                    OnOffer(tx, isInvite: true);
                    break;
                case SipMethod.Update:
                    OnOffer(tx, isInvite: false);
                    break;
                case SipMethod.Info:
                    if (SipInfoDtmf.IsDtmfContent(request.ContentType))
                    {
                        if (IsEnded || !SipInfoDtmf.TryParse(request.ContentType, request.Body.Span, out var key))
                        {
                            tx.TryRespond(IsEnded ? 481 : 400);
                            return;
                        }
                        dtmf = key;
                    }
                    tx.TryRespond(200);
                    break;
                case SipMethod.Options:
                    tx.TryRespond(200);
                    break;
                default:
                    tx.TrySendResponse(tx.CreateResponseBuilder(501).AddHeader(SipHeaderNames.Allow, Context.Options.Allow).BuildResponseOnce());
                    break;
            }
        }
        if (ended is { } cause)
        {
            ReportEnded(cause, variables);
        }
        else if (dtmf is { } pressed)
        {
            Context.Events.Dtmf(Uuid, pressed.Digit, pressed.DurationSamples, "INFO");
        }
    }

    /// <summary>An ACK for one of this leg's 2xx responses (transport thread).</summary>
    public abstract void OnAck(SipRequest ack);

    /// <summary>A BYE arrived before the leg was answered (some phones hang up an early dialog this way).</summary>
    private protected virtual void OnByeBeforeAnswer()
    {
    }

    /// <summary>A re-INVITE or UPDATE (under the lock): checked here, then relayed to the bridged leg on the call's mailbox.</summary>
    private void OnOffer(SipServerTransaction tx, bool isInvite)
    {
        var request = tx.Request;
        if (IsEnded)
        {
            tx.TryRespond(481);
            return;
        }
        if (PendingIncomingOffer is not null || OutgoingOfferPending || (isInvite && !IsReadyForReinvite))
        {
            tx.TrySendResponse(tx.CreateResponseBuilder(491).BuildResponseOnce());
            return;
        }
        if (!TryCheckSessionInterval(tx))
        {
            return;
        }
        var offer = ParseSdp(request);
        if (!request.Body.IsEmpty && offer is null)
        {
            tx.TryRespond(488);
            return;
        }
        Dialog!.RefreshTarget(request);
        OnSessionRefreshReceived(request);
        if (offer is null && !isInvite)
        {
            // UPDATE without SDP: a session refresh only.
            tx.TrySendResponse(WithSessionExpires(WithCapabilities(tx.CreateResponseBuilder(200)), request).BuildResponseOnce());
            return;
        }
        PendingIncomingOffer = tx;
        if (!Context.Events.Post(Uuid, () => RelayOfferAsync(tx, offer)))
        {
            PendingIncomingOffer = null;
            tx.TryRespond(481);
        }
    }

    /// <summary>True when a re-INVITE can be taken (the initial INVITE transaction is complete).</summary>
    private protected abstract bool IsReadyForReinvite { get; }

    /// <summary>
    /// On the call's mailbox: a bridged leg gets the offer (rewritten to the switch's media) in a re-INVITE and
    /// its answer comes back; without a peer, or for an offerless re-INVITE, the switch answers itself.
    /// </summary>
    private ValueTask RelayOfferAsync(SipServerTransaction tx, SdpSession? offer)
    {
        var peer = Peer;
        if (peer is null || offer is null
            || !peer.TrySendOffer(offer, BypassMedia, response => Context.Events.Post(Uuid, () => CompleteRelayedOffer(tx, offer, peer, response))))
        {
            AnswerOfferLocally(tx, offer);
        }
        return ValueTask.CompletedTask;
    }

    private ValueTask CompleteRelayedOffer(SipServerTransaction tx, SdpSession offer, SipLeg peer, SipResponse peerResponse)
    {
        if (!peerResponse.IsSuccess && peerResponse.StatusCode is 408 or 481 or 487 or 503)
        {
            // The peer's dialog is gone or unreachable: this leg's session stays as the switch answers it.
            AnswerOfferLocally(tx, offer);
            return ValueTask.CompletedTask;
        }
        lock (Gate)
        {
            if (!ReferenceEquals(PendingIncomingOffer, tx) || IsEnded)
            {
                return ValueTask.CompletedTask;
            }
            PendingIncomingOffer = null;
            if (!peerResponse.IsSuccess)
            {
                tx.TryRespond(peerResponse.StatusCode, peerResponse.ReasonPhrase);
                return ValueTask.CompletedTask;
            }
            StoredSdp answer;
            if (BypassMedia && peer.RemoteSdp is { } passed)
            {
                answer = passed;
                RemoteSdp = StoredSdp.Of(offer);
            }
            else
            {
                var result = SdpOfferAnswer.CreateAnswer(offer, LocalMedia(peer.Audio?.Codec));
                if (!result.IsSuccess)
                {
                    tx.TryRespond(SdpNegotiationResult.NotAcceptableHere);
                    return ValueTask.CompletedTask;
                }
                answer = StoredSdp.Of(result.Session!);
                RemoteSdp = StoredSdp.Of(offer);
                Apply(result.Audio!);
            }
            LocalSdp = answer;
            SendOfferAnswer(tx, answer);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Answers a re-INVITE/UPDATE without involving the other leg (no peer, or the peer is gone).</summary>
    private void AnswerOfferLocally(SipServerTransaction tx, SdpSession? offer)
    {
        lock (Gate)
        {
            if (!ReferenceEquals(PendingIncomingOffer, tx) || IsEnded)
            {
                return;
            }
            PendingIncomingOffer = null;
            if (offer is null)
            {
                // Offerless re-INVITE: offer the current session again; the answer comes in the ACK.
                var again = LocalSdp ?? (Media is null ? null : StoredSdp.Of(SdpOfferAnswer.CreateOffer(LocalMedia())));
                if (again is null)
                {
                    tx.TryRespond(488);
                    return;
                }
                LocalSdp = again;
                OfferAwaitingAck = again;
                SendOfferAnswer(tx, again);
                return;
            }
            if (Media is null)
            {
                // Bypassed media without a peer to ask: keep the previous answer if there is one.
                if (LocalSdp is null)
                {
                    tx.TryRespond(488);
                    return;
                }
                RemoteSdp = StoredSdp.Of(offer);
                SendOfferAnswer(tx, LocalSdp);
                return;
            }
            var result = SdpOfferAnswer.CreateAnswer(offer, LocalMedia(Audio?.Codec));
            if (!result.IsSuccess)
            {
                tx.TryRespond(SdpNegotiationResult.NotAcceptableHere);
                return;
            }
            RemoteSdp = StoredSdp.Of(offer);
            LocalSdp = StoredSdp.Of(result.Session!);
            Apply(result.Audio!);
            SendOfferAnswer(tx, LocalSdp);
        }
    }

    /// <summary>200 OK to a re-INVITE or UPDATE with our SDP, Contact and the session timer.</summary>
    private void SendOfferAnswer(SipServerTransaction tx, StoredSdp sdp)
    {
        var builder = WithCapabilities(tx.CreateResponseBuilder(200)).AddHeader(SipHeaderNames.Contact, Dialog!.LocalContact);
        builder = WithSessionExpires(builder, tx.Request);
        tx.TrySendResponse(WithSdp(builder, sdp).BuildResponseOnce());
    }

    /// <summary>A pending re-INVITE/UPDATE from the far end gets 487 when the leg goes away.</summary>
    private protected void AbandonPendingOffer()
    {
        if (PendingIncomingOffer is { } pending)
        {
            PendingIncomingOffer = null;
            pending.TryRespond(487);
        }
    }

    /// <summary>The answer to an offer the switch made in a 2xx, carried by the ACK (under the lock).</summary>
    private protected void ApplyAckAnswer(SipRequest ack)
    {
        if (OfferAwaitingAck is not { } offer)
        {
            return;
        }
        OfferAwaitingAck = null;
        var answer = ParseSdp(ack);
        if (answer is null)
        {
            return;
        }
        RemoteSdp = StoredSdp.Of(answer);
        if (Media is not null)
        {
            var result = SdpOfferAnswer.ProcessAnswer(offer.Parse(), answer);
            if (result.IsSuccess)
            {
                Apply(result.Audio!);
            }
        }
    }
}
