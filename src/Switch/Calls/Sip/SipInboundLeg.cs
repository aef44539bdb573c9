using System.Globalization;
using Switch.Sdp;
using Switch.Sip.Dialogs;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Calls.Sip;

/// <summary>
/// The a-leg: the switch as UAS of a caller's INVITE. 180/183/200 go out through the INVITE's server
/// transaction (with the switch's SDP: it answers the caller's offer, or offers in the 200 when the INVITE
/// had none and takes the answer from the ACK); hangup is a final error response before answer and a BYE
/// after (held back until the ACK arrives); CANCEL gets the INVITE a 487.
/// </summary>
internal sealed class SipInboundLeg : SipLeg
{
    /// <summary>The INVITE's server transaction until the final response is sent; the leg keeps no message after that.</summary>
    private ServerInviteTransaction? _invite;
    private readonly uint _inviteCSeq;

    /// <summary>The caller's Max-Forwards, -1 when absent (one field of two bytes instead of a nullable int).</summary>
    private readonly short _maxForwards;
    private readonly bool _hasOffer;
    private bool _ringing;
    private bool _earlyMedia;
    private bool _answered;
    private bool _acknowledged;
    private HangupCause? _byeAfterAck;
    private string? _ringback;

    public SipInboundLeg(SipCallContext context, string uuid, ServerInviteTransaction invite, StoredSdp? offer, ILegMedia? media,
        string contact)
        : base(context, uuid, invite.Request.CallId!, invite.LocalTag)
    {
        var request = invite.Request;
        _invite = invite;
        _inviteCSeq = request.CSeq?.Number ?? 0;
        _hasOffer = !request.Body.IsEmpty;
        _maxForwards = request.MaxForwards is { } mf ? (short)Math.Clamp(mf, 0, short.MaxValue) : (short)-1;
        RemoteSdp = offer;
        Media = media;
        BypassMedia = media is null;
        RemoteAllowsUpdate = AllowsUpdate(request);
        Dialog = SipDialog.CreateUas(request, invite.LocalTag, invite.Flow, contact);
    }

    /// <summary>The caller's Max-Forwards (the b-leg INVITE carries one less).</summary>
    public int? MaxForwards => _maxForwards < 0 ? null : _maxForwards;

    /// <summary>The caller's offer (null for a late-offer INVITE).</summary>
    public StoredSdp? Offer => _hasOffer ? RemoteSdp : null;

    private protected override bool IsReadyForReinvite => _acknowledged;

    public override ValueTask InviteAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("An inbound leg does not send the INVITE.");

    public override ValueTask RingAsync(CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            if (!IsEnded && _invite is { } invite && !_ringing && !_earlyMedia)
            {
                _ringing = true;
                invite.TrySendResponse(Provisional(invite, 180).BuildResponseOnce());
            }
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask<bool> PreAnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PreAnswer(peer as SipLeg, relayEarlyMedia: true));

    public override ValueTask<bool> PreAnswerWithRingbackAsync(ILegSignaling? peer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PreAnswer(peer as SipLeg, relayEarlyMedia: false));

    public override void UseRingback(string? ringback) => Volatile.Write(ref _ringback, string.IsNullOrWhiteSpace(ringback) ? null : ringback);

    /// <summary>183 with the switch's SDP (once); then the peer's early media when it has some and may be relayed, else ringback.</summary>
    private bool PreAnswer(SipLeg? other, bool relayEarlyMedia)
    {
        lock (Gate)
        {
            if (IsEnded || _invite is not { } invite)
            {
                return _answered;
            }
            if (!_earlyMedia)
            {
                var sdp = EarlyAnswer(other);
                if (sdp is null)
                {
                    return false;
                }
                _earlyMedia = true;
                LocalSdp = sdp;
                invite.TrySendResponse(WithSdp(Provisional(invite, 183, "Session Progress"), sdp).BuildResponseOnce());
            }
            if (Media is { } media && other is not null)
            {
                if (relayEarlyMedia && other.RemoteSdp is not null && other.Media is { } theirs)
                {
                    media.Connect(theirs);
                }
                else
                {
                    media.StartRingback(Volatile.Read(ref _ringback) ?? Context.Options.Ringback);
                }
            }
            return true;
        }
    }

    public override ValueTask<bool> AnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken)
    {
        var other = peer as SipLeg;
        lock (Gate)
        {
            if (_answered)
            {
                return ValueTask.FromResult(true);
            }
            if (IsEnded || _invite is not { } invite)
            {
                return ValueTask.FromResult(false);
            }
            StoredSdp? sdp;
            if (_earlyMedia)
            {
                sdp = LocalSdp;
            }
            else if (Offer is null)
            {
                // Late offer: the switch offers in the 200 and the ACK carries the answer.
                sdp = Media is null ? other?.RemoteSdp : StoredSdp.Of(SdpOfferAnswer.CreateOffer(LocalMedia()));
                OfferAwaitingAck = sdp;
            }
            else
            {
                sdp = Answer(other);
            }
            if (sdp is null)
            {
                return ValueTask.FromResult(false);
            }
            LocalSdp = sdp;
            Media?.StopRingback();
            var request = invite.Request;
            OnSessionRefreshReceived(request);
            var builder = WithSessionExpires(Provisional(invite, 200, null), request);
            if (other is SipOutboundLeg outbound)
            {
                builder.AddHeader(SipHeaderNames.RemotePartyId,
                    $"\"{outbound.CalleeNumber}\" <sip:{outbound.CalleeNumber}@{request.RequestUri.Host}>;party=calling;privacy=off;screen=no");
            }
            if (!invite.TrySendResponse(WithSdp(builder, sdp).BuildResponseOnce()))
            {
                return ValueTask.FromResult(false);
            }
            _answered = true;
            FinalSent();
            Dialog!.ConfirmAsUas();
            return ValueTask.FromResult(true);
        }
    }

    public override ValueTask HangupAsync(HangupCause cause, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            if (IsEnded)
            {
                return ValueTask.CompletedTask;
            }
            IsEnded = true;
            AbandonPendingOffer();
            if (!_answered)
            {
                if (_invite is { IsCancelled: false } invite)
                {
                    var status = SipCauses.ToSipStatus(cause);
                    invite.TrySendResponse(invite.CreateResponseBuilder(status)
                        .AddHeader(SipHeaderNames.UserAgent, Context.Options.UserAgent)
                        .AddHeader(SipHeaderNames.Reason, SipCauses.ReasonHeader(cause)).BuildResponseOnce());
                    FinalSent();
                }
                Dialog?.Terminate();
            }
            else if (!_acknowledged)
            {
                // RFC 3261 §15: no BYE on a confirmed dialog before the 2xx is acknowledged.
                _byeAfterAck = cause;
                Media?.Disconnect();
                return ValueTask.CompletedTask;
            }
            else
            {
                SendBye(cause);
            }
            Release();
        }
        return ValueTask.CompletedTask;
    }

    public override void OnAck(SipRequest ack)
    {
        lock (Gate)
        {
            if (ack.CSeq?.Number == _inviteCSeq)
            {
                if (_acknowledged)
                {
                    return;
                }
                _acknowledged = true;
            }
            ApplyAckAnswer(ack);
            if (_byeAfterAck is { } cause)
            {
                _byeAfterAck = null;
                SendBye(cause);
                Release();
            }
        }
    }

    /// <summary>The caller cancelled (transport thread): 487 to the INVITE, the channel ends with ORIGINATOR_CANCEL.</summary>
    public void OnCancel(SipRequest? cancel)
    {
        var cause = SipCauses.TryParseQ850Cause(cancel?.GetHeader(SipHeaderNames.Reason), out var q850) ? q850 : HangupCause.OriginatorCancel;
        lock (Gate)
        {
            if (IsEnded || _invite is not { } invite)
            {
                return;
            }
            IsEnded = true;
            FarEndCause = cause;
            invite.TrySendResponse(invite.CreateResponseBuilder(487).AddHeader(SipHeaderNames.UserAgent, Context.Options.UserAgent).BuildResponseOnce());
            FinalSent();
            Dialog?.Terminate();
            Release();
        }
        ReportEnded(cause, [new("sip_hangup_disposition", "recv_cancel")]);
    }

    /// <summary>Our 2xx was never acknowledged (transport thread): BYE and end the channel.</summary>
    public void OnAckTimeout()
    {
        var report = false;
        lock (Gate)
        {
            if (_acknowledged)
            {
                return;
            }
            _acknowledged = true;
            var cause = _byeAfterAck ?? HangupCause.RecoveryOnTimerExpire;
            report = !IsEnded;
            IsEnded = true;
            FarEndCause ??= HangupCause.RecoveryOnTimerExpire;
            _byeAfterAck = null;
            SendBye(cause);
            Release();
        }
        if (report)
        {
            SipCallLog.LegProblem(Context.Logger, Uuid, "no ACK for the 200 OK");
            ReportEnded(HangupCause.RecoveryOnTimerExpire, [new("sip_hangup_disposition", "send_bye")]);
        }
    }

    private protected override void OnByeBeforeAnswer()
    {
        if (_invite is { } invite)
        {
            invite.TryRespond(487);
            FinalSent();
        }
    }

    /// <summary>The SDP for a 183: our answer (or, with bypassed media, the peer's early SDP).</summary>
    private StoredSdp? EarlyAnswer(SipLeg? other)
    {
        if (Offer is null)
        {
            return null;
        }
        return Answer(other);
    }

    /// <summary>Answers the caller's offer, preferring the codec the peer negotiated (no transcoding).</summary>
    private StoredSdp? Answer(SipLeg? other)
    {
        try
        {
            return AnswerOffer(other);
        }
        finally
        {
            // The offer's session was kept for this exchange only (StoredSdp): not for the call's life.
            Offer?.ForgetParsed();
        }
    }

    private StoredSdp? AnswerOffer(SipLeg? other)
    {
        if (Media is null || other is { BypassMedia: true })
        {
            // bypass_media: the peer's SDP goes to the caller as it is; the switch's port is not used.
            if (other?.RemoteSdp is not { } passed)
            {
                return null;
            }
            UseBypass();
            return passed;
        }
        var result = SdpOfferAnswer.CreateAnswer(Offer!.Parse(), LocalMedia(other?.Audio?.Codec));
        if (!result.IsSuccess)
        {
            return null;
        }
        Apply(result.Audio!);
        return StoredSdp.Of(result.Session!);
    }

    private void UseBypass()
    {
        if (Media is { } media)
        {
            Media = null;
            _ = media.DisposeAsync().AsTask();
        }
        BypassMedia = true;
    }

    /// <summary>
    /// The final response is out: the server transaction (retransmitting it until the ACK, then lingering) is the
    /// transaction layer's from now on, and the leg lets go of it and of the INVITE it holds.
    /// </summary>
    private void FinalSent() => _invite = null;

    /// <summary>A provisional or 2xx response with our To tag, Contact, Record-Route and capabilities.</summary>
    private SipMessageBuilder Provisional(ServerInviteTransaction invite, int status, string? reason = null)
    {
        var builder = invite.CreateResponseBuilder(status, reason);
        foreach (var rr in invite.Request.GetHeaders(SipHeaderNames.RecordRoute))
        {
            builder.AddHeader(SipHeaderNames.RecordRoute, rr);
        }
        builder.AddHeader(SipHeaderNames.Contact, Dialog!.LocalContact);
        return WithCapabilities(builder);
    }

    internal string StatusText => string.Create(CultureInfo.InvariantCulture, $"answered={_answered} acked={_acknowledged} ended={IsEnded}");
}
