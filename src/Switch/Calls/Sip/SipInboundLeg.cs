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
    private readonly ServerInviteTransaction _invite;
    private readonly string _contact;
    private bool _ringing;
    private bool _earlyMedia;
    private bool _answered;
    private bool _acknowledged;
    private bool _finalSent;
    private HangupCause? _byeAfterAck;

    public SipInboundLeg(SipCallContext context, string uuid, ServerInviteTransaction invite, SdpSession? offer, ILegMedia? media,
        string contact)
        : base(context, uuid, invite.Request.CallId!, invite.LocalTag)
    {
        _invite = invite;
        _contact = contact;
        RemoteSdp = offer;
        Media = media;
        BypassMedia = media is null;
        RemoteAllowsUpdate = AllowsUpdate(invite.Request);
        Dialog = SipDialog.CreateUas(invite.Request, invite.LocalTag, invite.Flow, contact);
    }

    public SipRequest Request => _invite.Request;

    public SipFlow Flow => _invite.Flow;

    /// <summary>The caller's offer (null for a late-offer INVITE).</summary>
    public SdpSession? Offer => Request.Body.IsEmpty ? null : RemoteSdp;

    private protected override bool IsReadyForReinvite => _acknowledged;

    public override ValueTask InviteAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("An inbound leg does not send the INVITE.");

    public override ValueTask RingAsync(CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            if (!IsEnded && !_finalSent && !_ringing && !_earlyMedia)
            {
                _ringing = true;
                _invite.TrySendResponse(Provisional(180).BuildResponse());
            }
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask<bool> PreAnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PreAnswer(peer as SipLeg, relayEarlyMedia: true));

    public override ValueTask<bool> PreAnswerWithRingbackAsync(ILegSignaling? peer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PreAnswer(peer as SipLeg, relayEarlyMedia: false));

    /// <summary>183 with the switch's SDP (once); then the peer's early media when it has some and may be relayed, else ringback.</summary>
    private bool PreAnswer(SipLeg? other, bool relayEarlyMedia)
    {
        lock (Gate)
        {
            if (IsEnded || _finalSent)
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
                _invite.TrySendResponse(WithSdp(Provisional(183, "Session Progress"), sdp).BuildResponse());
            }
            if (Media is { } media && other is not null)
            {
                if (relayEarlyMedia && other.RemoteSdp is not null && other.Media is { } theirs)
                {
                    media.Connect(theirs);
                }
                else
                {
                    media.StartRingback(Context.Options.Ringback);
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
            if (IsEnded || _finalSent)
            {
                return ValueTask.FromResult(false);
            }
            SdpSession? sdp;
            if (_earlyMedia)
            {
                sdp = LocalSdp;
            }
            else if (Offer is null)
            {
                // Late offer: the switch offers in the 200 and the ACK carries the answer.
                sdp = Media is null ? other?.RemoteSdp : SdpOfferAnswer.CreateOffer(LocalMedia());
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
            OnSessionRefreshReceived(Request);
            var builder = WithSessionExpires(Provisional(200, null), Request);
            if (other is SipOutboundLeg outbound)
            {
                builder.AddHeader(SipHeaderNames.RemotePartyId,
                    $"\"{outbound.CalleeNumber}\" <sip:{outbound.CalleeNumber}@{Request.RequestUri.Host}>;party=calling;privacy=off;screen=no");
            }
            if (!_invite.TrySendResponse(WithSdp(builder, sdp).BuildResponse()))
            {
                return ValueTask.FromResult(false);
            }
            _answered = true;
            _finalSent = true;
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
                if (!_finalSent && !_invite.IsCancelled)
                {
                    _finalSent = true;
                    var status = SipCauses.ToSipStatus(cause);
                    _invite.TrySendResponse(_invite.CreateResponseBuilder(status)
                        .AddHeader(SipHeaderNames.UserAgent, Context.Options.UserAgent)
                        .AddHeader(SipHeaderNames.Reason, SipCauses.ReasonHeader(cause)).BuildResponse());
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
            if (ack.CSeq?.Number == Request.CSeq?.Number)
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
            if (IsEnded || _finalSent)
            {
                return;
            }
            IsEnded = true;
            FarEndCause = cause;
            _finalSent = true;
            _invite.TrySendResponse(_invite.CreateResponseBuilder(487).AddHeader(SipHeaderNames.UserAgent, Context.Options.UserAgent).BuildResponse());
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
        if (!_finalSent)
        {
            _finalSent = true;
            _invite.TryRespond(487);
        }
    }

    /// <summary>The SDP for a 183: our answer (or, with bypassed media, the peer's early SDP).</summary>
    private SdpSession? EarlyAnswer(SipLeg? other)
    {
        if (Offer is null)
        {
            return null;
        }
        return Answer(other);
    }

    /// <summary>Answers the caller's offer, preferring the codec the peer negotiated (no transcoding).</summary>
    private SdpSession? Answer(SipLeg? other)
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
        var result = SdpOfferAnswer.CreateAnswer(Offer!, LocalMedia(other?.Audio?.Codec));
        if (!result.IsSuccess)
        {
            return null;
        }
        Apply(result.Audio!);
        return result.Session;
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

    /// <summary>A provisional or 2xx response with our To tag, Contact, Record-Route and capabilities.</summary>
    private SipMessageBuilder Provisional(int status, string? reason = null)
    {
        var builder = _invite.CreateResponseBuilder(status, reason);
        foreach (var rr in Request.GetHeaders(SipHeaderNames.RecordRoute))
        {
            builder.AddHeader(SipHeaderNames.RecordRoute, rr);
        }
        builder.AddHeader(SipHeaderNames.Contact, _contact);
        return WithCapabilities(builder);
    }

    internal string StatusText => string.Create(CultureInfo.InvariantCulture, $"answered={_answered} acked={_acknowledged} ended={IsEnded}");
}
