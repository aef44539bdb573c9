using System.Globalization;
using Switch.Sdp;
using Switch.Sip.Dialogs;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Calls.Sip;

/// <summary>
/// A b-leg: the switch as UAC. The INVITE (new Call-ID, caller id in From, Remote-Party-ID and
/// P-Asserted-Identity, Max-Forwards one less than the caller's) carries the switch's offer built from the
/// caller's; 180/183 are reported as progress, the first 2xx is acknowledged and reported as answer, a
/// failure response ends the leg with the mapped cause. Hangup is CANCEL before the answer and BYE after;
/// a 2xx that crosses our CANCEL is acknowledged and ended with BYE (RFC 3261 §9.1).
/// </summary>
internal sealed class SipOutboundLeg : SipLeg
{
    private readonly string _calleeNumber;

    /// <summary>What placing the INVITE needs, until its final response; the leg keeps none of it after that.</summary>
    private Placing? _placing;
    private bool _invited;
    private bool _progressReported;
    private bool _earlyMediaReported;
    private bool _answered;
    private bool _failed;

    public SipOutboundLeg(SipCallContext context, OutboundLegRequest request, SipDialTarget target)
        : this(context, request, target, SipIdentifiers.NewTag())
    {
    }

    private SipOutboundLeg(SipCallContext context, OutboundLegRequest request, SipDialTarget target, string fromTag)
        : base(context, request.Uuid, context.Options.OutboundUuidAsCallId ? request.Uuid : SipIdentifiers.NewCallId(), fromTag)
    {
        _placing = new Placing { Request = request, Target = target };
        _calleeNumber = request.Contact.DestinationNumber;
        BypassMedia = request.BypassMedia || !context.Options.AnchorMedia;
    }

    /// <summary>The user dialled (for the Remote-Party-ID the caller's 200 OK carries).</summary>
    public string CalleeNumber => _calleeNumber;

    private protected override bool IsReadyForReinvite => _answered;

    public override ValueTask InviteAsync(CancellationToken cancellationToken)
    {
        HangupCause? failed = null;
        lock (Gate)
        {
            if (IsEnded || _invited || _placing is not { Request: { } request, Target: { } target } placing)
            {
                return ValueTask.CompletedTask;
            }
            _invited = true;
            var originator = request.Originator as SipLeg;
            var maxForwards = originator is SipInboundLeg inbound && inbound.MaxForwards is { } mf ? mf - 1 : 70;
            if (maxForwards <= 0)
            {
                failed = HangupCause.ExchangeRoutingError;
            }
            else if (!TryCreateOffer(request, originator, out var offer))
            {
                failed = HangupCause.SwitchCongestion;
            }
            else
            {
                placing.Offer = offer;
                LocalSdp = offer;
                var invite = BuildInvite(request, target, maxForwards, offer, placing);
                placing.Request = null;
                Context.Legs.Add(this);
                placing.Transaction = (ClientInviteTransaction)Context.Layer.SendRequest(invite, target.Target, OnInviteResponse);
            }
            if (failed is not null)
            {
                IsEnded = true;
                _failed = true;
                Release();
            }
        }
        if (failed is { } cause)
        {
            ReportEnded(cause, null);
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask RingAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public override ValueTask<bool> PreAnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public override ValueTask<bool> AnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken) => ValueTask.FromResult(_answered);

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
            if (_answered)
            {
                SendBye(cause);
            }
            else if (_placing?.Transaction is { } invite && !_failed)
            {
                // CANCEL now, or as soon as a provisional arrives; a 2xx that crosses it is ACKed and BYEd.
                Context.Layer.Cancel(invite, SipCauses.ReasonHeader(cause));
            }
            Media?.Disconnect();
            Release();
        }
        return ValueTask.CompletedTask;
    }

    public override void OnAck(SipRequest ack)
    {
        lock (Gate)
        {
            ApplyAckAnswer(ack);
        }
    }

    /// <summary>A 2xx retransmission that outlived the INVITE transaction (transport thread): ACK it again.</summary>
    public void OnStrayResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (response.IsSuccess && response.CSeq?.Method == SipMethod.Invite && Dialog is { } dialog && _invited
                && string.Equals(response.ToTag, dialog.Id.RemoteTag, StringComparison.Ordinal))
            {
                Context.Layer.SendAck(dialog.CreateAck(response.CSeq.Value.Number), dialog.Target);
            }
        }
    }

    private bool TryCreateOffer(OutboundLegRequest request, SipLeg? originator, out StoredSdp offer)
    {
        var template = originator?.RemoteSdp;
        if (BypassMedia && template is not null)
        {
            offer = template;
            return true;
        }
        BypassMedia = false;
        if (!Context.Media.TryCreate(request.Contact.ChannelName, out var media))
        {
            offer = null!;
            return false;
        }
        Media = media;
        offer = StoredSdp.Of(template is null ? SdpOfferAnswer.CreateOffer(LocalMedia()) : SdpOfferAnswer.CreateOfferFrom(template.Parse(), LocalMedia()));
        return true;
    }

    private SipMessageBuilder BuildInvite(OutboundLegRequest request, SipDialTarget target, int maxForwards, StoredSdp offer, Placing placing)
    {
        var sentBy = Context.SentBy(target.Target);
        var host = HostOf(sentBy);
        var number = request.CallerIdNumber ?? "0000000000";
        var name = request.CallerIdName;
        var identity = (string.IsNullOrEmpty(name) ? string.Empty : $"\"{Quote(name)}\" ") + $"<sip:{number}@{host}>";
        var contact = Context.SwitchContact(sentBy, target.Target.Transport == SipTransportType.Tcp);
        placing.Contact = contact;
        var builder = SipMessageBuilder.Request(SipMethod.Invite, target.RequestUri);
        foreach (var route in target.Routes)
        {
            builder.AddHeader(SipHeaderNames.Route, route);
        }
        builder.AddHeader(SipHeaderNames.MaxForwards, maxForwards.ToString(CultureInfo.InvariantCulture))
            .AddHeader(SipHeaderNames.From, identity + ";tag=" + LocalTag)
            .AddHeader(SipHeaderNames.To, "<" + target.RequestUri + ">")
            .AddHeader(SipHeaderNames.CallId, CallId)
            .AddHeader(SipHeaderNames.CSeq, Random.Shared.Next(1, 1 << 24).ToString(CultureInfo.InvariantCulture) + " " + SipMethod.Invite)
            .AddHeader(SipHeaderNames.Contact, contact);
        WithCapabilities(builder);
        builder.AddHeader(SipHeaderNames.RemotePartyId, identity + ";party=calling;screen=yes;privacy=off")
            .AddHeader(SipHeaderNames.PAssertedIdentity, identity);
        foreach (var (variable, value) in request.Variables)
        {
            if (variable.StartsWith("sip_h_", StringComparison.OrdinalIgnoreCase) && variable.Length > 6)
            {
                builder.SetHeader(variable[6..], value);
            }
        }
        return WithSdp(builder, offer);
    }

    /// <summary>Responses to our INVITE (transport thread).</summary>
    private void OnInviteResponse(SipClientTransaction tx, SipResponse response)
    {
        if (response.StatusCode == 100)
        {
            return;
        }
        var report = Report.None;
        HangupCause cause = HangupCause.None;
        IReadOnlyList<KeyValuePair<string, string>>? variables = null;
        lock (Gate)
        {
            if (response.IsProvisional)
            {
                report = OnProvisional(tx, response);
            }
            else if (response.IsSuccess)
            {
                report = OnSuccess(tx, response, out cause);
            }
            else if (!IsEnded)
            {
                IsEnded = true;
                _failed = true;
                Dialog?.Terminate();
                Release();
                cause = SipCauses.FromSipStatus(response.StatusCode, response.GetHeader(SipHeaderNames.Reason));
                FarEndCause = cause;
                report = Report.Ended;
            }
            if (report is Report.Answered or Report.Progress or Report.EarlyMedia)
            {
                variables = CodecVariables();
            }
            if (response.IsFinal && ReferenceEquals(tx, _placing?.Transaction))
            {
                // The INVITE is complete: later 2xx (retransmissions, other forks) come with their transaction.
                _placing = null;
            }
        }
        var status = response.StatusCode.ToString(CultureInfo.InvariantCulture);
        switch (report)
        {
            case Report.Progress:
                Context.Events.Progress(Uuid, earlyMedia: false, variables);
                break;
            case Report.EarlyMedia:
                Context.Events.Progress(Uuid, earlyMedia: true, variables);
                break;
            case Report.Answered:
                Context.Events.Answered(Uuid, [.. variables!, new("sip_term_status", status)]);
                break;
            case Report.Ended:
                ReportEnded(cause,
                [
                    new("sip_term_status", status), new("sip_invite_failure_status", status),
                    new("proto_specific_hangup_cause", "sip:" + status), new("sip_hangup_disposition", "recv_refuse"),
                ]);
                break;
        }
    }

    private Report OnProvisional(SipClientTransaction tx, SipResponse response)
    {
        if (IsEnded)
        {
            return Report.None;
        }
        if (Dialog is null && response.ToTag is not null)
        {
            Dialog = SipDialog.CreateUac(tx.Request, response, tx.Target, LocalContact, CallId, LocalTag);
        }
        if (!_earlyMediaReported && ParseSdp(response) is { } answer && TryApplyAnswer(answer, response.Body.Span))
        {
            _earlyMediaReported = true;
            _progressReported = true;
            return Report.EarlyMedia;
        }
        if (!_progressReported && response.StatusCode is 180 or 183)
        {
            _progressReported = true;
            return Report.Progress;
        }
        return Report.None;
    }

    private Report OnSuccess(SipClientTransaction tx, SipResponse response, out HangupCause cause)
    {
        cause = HangupCause.None;
        var cseq = tx.Request.CSeq!.Value.Number;
        if (_answered && Dialog is { } confirmed)
        {
            if (string.Equals(response.ToTag, confirmed.Id.RemoteTag, StringComparison.Ordinal))
            {
                // A retransmitted 2xx: acknowledge it again (RFC 3261 §13.2.2.4).
                Context.Layer.SendAck(confirmed.CreateAck(cseq), confirmed.Target);
            }
            else
            {
                // A second fork answered: acknowledge and end that dialog.
                var extra = SipDialog.CreateUac(tx.Request, response, tx.Target, LocalContact, CallId, LocalTag);
                Context.Layer.SendAck(extra.CreateAck(cseq), extra.Target);
                SendByeOn(extra, HangupCause.LoseRace);
            }
            return Report.None;
        }
        if (Dialog is null || !string.Equals(Dialog.Id.RemoteTag, response.ToTag, StringComparison.Ordinal))
        {
            Dialog = SipDialog.CreateUac(tx.Request, response, tx.Target, LocalContact, CallId, LocalTag);
        }
        var dialog = Dialog;
        dialog.Confirm(response);
        _answered = true;
        RemoteAllowsUpdate = AllowsUpdate(response);
        Context.Layer.SendAck(dialog.CreateAck(cseq), dialog.Target);
        if (IsEnded)
        {
            // Our CANCEL crossed this 2xx.
            SendBye(HangupCause.OriginatorCancel);
            return Report.None;
        }
        var answer = ParseSdp(response);
        if (answer is not null && !TryApplyAnswer(answer, response.Body.Span))
        {
            IsEnded = true;
            SendBye(HangupCause.IncompatibleDestination);
            Release();
            cause = HangupCause.IncompatibleDestination;
            return Report.Ended;
        }
        OnSessionRefreshAnswered(response);
        return Report.Answered;
    }

    /// <summary>The far end's answer to our offer (early or final); false when it cannot be used.</summary>
    private bool TryApplyAnswer(SdpSession answer, ReadOnlySpan<byte> body)
    {
        RemoteSdp = StoredSdp.FromBody(body);
        if (BypassMedia || Media is null)
        {
            return true;
        }
        if (_placing?.Offer is not { } offer)
        {
            return false;
        }
        var result = SdpOfferAnswer.ProcessAnswer(offer.Parse(), answer);
        if (!result.IsSuccess)
        {
            return false;
        }
        Apply(result.Audio!);
        return true;
    }

    private void SendByeOn(SipDialog dialog, HangupCause cause)
    {
        var bye = dialog.CreateRequest(SipMethod.Bye).AddHeader(SipHeaderNames.Reason, SipCauses.ReasonHeader(cause));
        dialog.Terminate();
        Context.Layer.SendRequest(bye, dialog.Target);
    }

    /// <summary>Our Contact: as the INVITE carried it, then as the dialog keeps it.</summary>
    private string LocalContact => _placing?.Contact ?? Dialog?.LocalContact ?? throw new InvalidOperationException("No INVITE was sent.");

    private static string HostOf(string sentBy)
    {
        if (sentBy.StartsWith('['))
        {
            var close = sentBy.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? sentBy[..(close + 1)] : sentBy;
        }
        var colon = sentBy.LastIndexOf(':');
        return colon > 0 ? sentBy[..colon] : sentBy;
    }

    private static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>The INVITE being placed: request and target until it is sent, then its transaction, Contact and offer.</summary>
    private sealed class Placing
    {
        public OutboundLegRequest? Request { get; set; }
        public SipDialTarget? Target { get; set; }

        /// <summary>The INVITE's client transaction until its final response (CANCEL needs it).</summary>
        public ClientInviteTransaction? Transaction { get; set; }

        /// <summary>Our Contact (the dialogs' local contact).</summary>
        public string? Contact { get; set; }

        public StoredSdp? Offer { get; set; }
    }

    private enum Report
    {
        None,
        Progress,
        EarlyMedia,
        Answered,
        Ended,
    }
}
