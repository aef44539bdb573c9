using Switch.Sip.Dialogs;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Tests.Calls.Sip;

/// <summary>One call on a <see cref="TestPhone"/>, placed or received, with its dialog and everything it saw.</summary>
internal sealed class PhoneCall(TestPhone phone, string callId)
{
    private ClientInviteTransaction? _outgoing;
    private SipRequest? _inviteSent;
    private SipTarget? _target;

    public string CallId { get; } = callId;
    public TestPhone Phone { get; } = phone;
    public ServerInviteTransaction? Invite { get; init; }
    public SipDialog? Dialog { get; private set; }
    public string? LocalSdp { get; set; }
    public string? RemoteSdp { get; set; }

    /// <summary>When false, 2xx responses to the INVITE are not acknowledged (for ACK-timeout tests).</summary>
    public bool AutoAck { get; set; } = true;

    public AsyncLog<SipResponse> Responses { get; } = new();
    public AsyncLog<SipRequest> Requests { get; } = new();

    /// <summary>Re-INVITE server transactions waiting for the test when auto-answer is off.</summary>
    public AsyncLog<SipServerTransaction> HeldReinvites { get; } = new();

    public SipRequest InviteRequest => Invite?.Request ?? _inviteSent!;

    internal void Start(SipRequest invite, SipTarget target)
    {
        _target = target;
        _outgoing = (ClientInviteTransaction)Phone.Layer.SendRequest(invite, target, (_, response) => OnResponse(response));
        _inviteSent = _outgoing.Request;
    }

    internal void OnResponse(SipResponse response)
    {
        try
        {
            OnResponseBeforeSeen(response);
        }
        finally
        {
            // Seen by the waiting test only once the dialog exists and the ACK is sent: a test that sends BYE as soon as
            // it sees the 200 must find the dialog.
            Responses.Add(response);
        }
    }

    private void OnResponseBeforeSeen(SipResponse response)
    {
        if (response.IsSuccess && response.CSeq?.Method == SipMethod.Invite && _inviteSent is not null)
        {
            if (Dialog is null)
            {
                Dialog = SipDialog.CreateUac(_inviteSent, response, _target!, Phone.Contact);
            }
            else if (response.CSeq.Value.Number == _inviteSent.CSeq!.Value.Number)
            {
                Dialog.Confirm(response);
            }
            if (!response.Body.IsEmpty)
            {
                RemoteSdp = System.Text.Encoding.UTF8.GetString(response.Body.Span);
            }
            if (AutoAck)
            {
                var ack = Dialog.CreateAck(response.CSeq.Value.Number);
                if (LocalSdp is null && RemoteSdp is not null)
                {
                    // Late offer: the answer goes in the ACK.
                    LocalSdp = Phone.Sdp();
                    ack.SetBody(LocalSdp, "application/sdp");
                }
                Phone.Layer.SendAck(ack.BuildRequest(), Dialog.Target);
                if (Cancelled && !_byeAfterCancel)
                {
                    _byeAfterCancel = true;
                    Bye();
                }
            }
        }
    }

    private bool _byeAfterCancel;

    internal void OnRequest(SipServerTransaction tx)
    {
        var request = tx.Request;
        Requests.Add(request);
        if (Dialog is not null && !Dialog.TryAcceptRemoteCSeq(request))
        {
            tx.TryRespond(500);
            return;
        }
        switch (request.Method)
        {
            case SipMethod.Invite when !Phone.AutoAnswerReinvites:
                HeldReinvites.Add(tx);
                break;
            case SipMethod.Invite:
                if (!request.Body.IsEmpty)
                {
                    RemoteSdp = System.Text.Encoding.UTF8.GetString(request.Body.Span);
                }
                tx.TrySendResponse(tx.CreateResponseBuilder(200).AddHeader(SipHeaderNames.Contact, Phone.Contact)
                    .SetBody(LocalSdp ?? Phone.Sdp(), "application/sdp").BuildResponse());
                break;
            default:
                tx.TryRespond(200);
                break;
        }
    }

    /// <summary>Waits for a response with this status (bounded).</summary>
    public Task<SipResponse> WaitForResponseAsync(int status) =>
        Responses.WaitAsync(r => r.StatusCode == status, $"{status} on {CallId}");

    public Task<SipRequest> WaitForRequestAsync(string method) =>
        Requests.WaitAsync(r => r.Method == method, $"{method} on {CallId}");

    public void Ring() => Invite!.TrySendResponse(Provisional(180).BuildResponse());

    public void Progress(string sdp) => Invite!.TrySendResponse(Provisional(183).SetBody(sdp, "application/sdp").BuildResponse());

    public void Answer(string? sdp = null, params (string Name, string Value)[] headers)
    {
        LocalSdp = sdp ?? Phone.Sdp();
        var builder = Provisional(200).SetBody(LocalSdp, "application/sdp");
        foreach (var (name, value) in headers)
        {
            builder.AddHeader(name, value);
        }
        Invite!.TrySendResponse(builder.BuildResponse());
        Dialog ??= SipDialog.CreateUas(Invite.Request, Invite.LocalTag, Invite.Flow, Phone.Contact, confirmed: true);
    }

    public void Reject(int status) => Invite!.TryRespond(status);

    /// <summary>Set once the test cancelled this call: a 2xx that crosses the CANCEL is ACKed and ended with BYE (RFC 3261 §9.1).</summary>
    public bool Cancelled { get; private set; }

    public void Cancel()
    {
        Cancelled = true;
        Phone.Layer.Cancel(_outgoing!);
    }

    public SipClientTransaction Bye() => SendInDialog(SipMethod.Bye);

    public SipClientTransaction ReInvite(string? sdp, params (string Name, string Value)[] headers)
    {
        var builder = Dialog!.CreateRequest(SipMethod.Invite);
        foreach (var (name, value) in headers)
        {
            builder.AddHeader(name, value);
        }
        if (sdp is not null)
        {
            LocalSdp = sdp;
            builder.SetBody(sdp, "application/sdp");
        }
        return Phone.Layer.SendRequest(builder.BuildRequest(), Dialog.Target, (_, response) =>
        {
            Responses.Add(response);
            if (response.IsSuccess)
            {
                Phone.Layer.SendAck(Dialog.CreateAck(response.CSeq!.Value.Number).BuildRequest(), Dialog.Target);
            }
        });
    }

    public SipClientTransaction SendInDialog(string method, params (string Name, string Value)[] headers)
    {
        var builder = Dialog!.CreateRequest(method);
        foreach (var (name, value) in headers)
        {
            builder.AddHeader(name, value);
        }
        return Phone.Layer.SendRequest(builder.BuildRequest(), Dialog.Target, (_, response) => Responses.Add(response));
    }

    public SipClientTransaction SendInfo(string contentType, string body)
    {
        var builder = Dialog!.CreateRequest(SipMethod.Info);
        builder.SetBody(body, contentType);
        return Phone.Layer.SendRequest(builder.BuildRequest(), Dialog.Target, (_, response) => Responses.Add(response));
    }

    private SipMessageBuilder Provisional(int status)
    {
        var builder = Invite!.CreateResponseBuilder(status);
        builder.AddHeader(SipHeaderNames.Contact, Phone.Contact);
        return builder;
    }

    public override string ToString() => CallId;
}
