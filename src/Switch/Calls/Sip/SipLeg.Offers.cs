using Switch.Sdp;
using Switch.Sip.Dialogs;
using Switch.Sip.Message;
using Switch.Sip.Transactions;

namespace Switch.Calls.Sip;

/// <summary>re-INVITEs the switch sends on a leg: relayed offers from the bridged leg, and session refreshes.</summary>
internal abstract partial class SipLeg
{
    /// <summary>True while a re-INVITE/UPDATE the switch sent on this leg awaits its final response.</summary>
    private protected bool OutgoingOfferPending => Outgoing is not null;

    /// <summary>
    /// Sends the other leg's offer to this leg in a re-INVITE (rewritten to the switch's media unless bypassed).
    /// <paramref name="onFinal"/> runs with the final response once this leg applied its answer. False when
    /// the leg cannot take an offer now (ended, not confirmed, or an offer in progress: glare).
    /// </summary>
    public bool TrySendOffer(SdpSession peerOffer, bool bypass, Action<SipResponse> onFinal)
    {
        lock (Gate)
        {
            if (IsEnded || Dialog is not { State: SipDialogState.Confirmed } || Outgoing is not null || PendingIncomingOffer is not null
                || !IsReadyForReinvite)
            {
                return false;
            }
            var offer = bypass || Media is null ? peerOffer : SdpOfferAnswer.CreateOfferFrom(peerOffer, LocalMedia());
            SendReinvite(StoredSdp.Of(offer), onFinal);
            return true;
        }
    }

    /// <summary>A session refresh: UPDATE without SDP when the peer allows it, else a re-INVITE with the current SDP.</summary>
    private protected void SendRefresh()
    {
        if (IsEnded || Dialog is not { State: SipDialogState.Confirmed } dialog || Outgoing is not null || PendingIncomingOffer is not null)
        {
            return;
        }
        if (RemoteAllowsUpdate)
        {
            var update = WithSessionRefresher(WithCapabilities(dialog.CreateRequest(SipMethod.Update)));
            Outgoing = new OutgoingOffer(null, null);
            var outgoing = Outgoing;
            Context.Layer.SendRequest(update, dialog.Target, (tx, response) => OnOfferResponse(tx, response, outgoing));
            return;
        }
        if (LocalSdp is { } current)
        {
            SendReinvite(current, null);
        }
    }

    private void SendReinvite(StoredSdp offer, Action<SipResponse>? onFinal)
    {
        var dialog = Dialog!;
        var builder = WithSessionRefresher(WithCapabilities(dialog.CreateRequest(SipMethod.Invite)));
        var request = WithSdp(builder, offer);
        var outgoing = new OutgoingOffer(offer, onFinal);
        Outgoing = outgoing;
        Context.Layer.SendRequest(request, dialog.Target, (tx, response) => OnOfferResponse(tx, response, outgoing));
    }

    /// <summary>The far end's response to our re-INVITE or UPDATE (transport thread).</summary>
    private void OnOfferResponse(SipClientTransaction tx, SipResponse response, OutgoingOffer outgoing)
    {
        if (response.IsProvisional)
        {
            return;
        }
        Action<SipResponse>? callback = null;
        HangupCause? ended = null;
        lock (Gate)
        {
            var dialog = Dialog;
            if (response.IsSuccess && tx.Request.IsInvite && dialog is not null)
            {
                // ACK every 2xx, retransmissions included (RFC 3261 §13.2.2.4).
                Context.Layer.SendAck(dialog.CreateAck(tx.Request.CSeq!.Value.Number), dialog.Target);
            }
            if (outgoing.Done)
            {
                return;
            }
            outgoing.Done = true;
            if (ReferenceEquals(Outgoing, outgoing))
            {
                Outgoing = null;
            }
            callback = outgoing.OnFinal;
            if (response.IsSuccess)
            {
                dialog?.RefreshTarget(response);
                OnSessionRefreshAnswered(response);
                if (outgoing.Offer is { } offer && ParseSdp(response) is { } answer)
                {
                    RemoteSdp = StoredSdp.Of(answer);
                    LocalSdp = offer;
                    if (Media is not null && !BypassMedia)
                    {
                        var result = SdpOfferAnswer.ProcessAnswer(offer.Parse(), answer);
                        if (result.IsSuccess)
                        {
                            Apply(result.Audio!);
                        }
                    }
                }
            }
            else if (response.StatusCode is 408 or 481 && !IsEnded)
            {
                // RFC 3261 §12.2.1.2: the dialog is gone.
                IsEnded = true;
                dialog?.Terminate();
                AbandonPendingOffer();
                Release();
                ended = response.StatusCode == 408 ? HangupCause.RecoveryOnTimerExpire : HangupCause.NormalTemporaryFailure;
                FarEndCause = ended;
            }
        }
        callback?.Invoke(response);
        if (ended is { } cause)
        {
            ReportEnded(cause, [new("sip_term_status", response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
    }

    /// <summary>True when the far end listed UPDATE in its Allow header.</summary>
    private protected bool RemoteAllowsUpdate { get; set; }

    private protected static bool AllowsUpdate(SipMessage message)
    {
        foreach (var allow in message.GetHeaders(SipHeaderNames.Allow))
        {
            if (allow.Contains(SipMethod.Update, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private sealed class OutgoingOffer(StoredSdp? offer, Action<SipResponse>? onFinal)
    {
        public StoredSdp? Offer { get; } = offer;
        public Action<SipResponse>? OnFinal { get; } = onFinal;
        public bool Done { get; set; }
    }
}
