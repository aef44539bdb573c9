using Switch.Registrar;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Hosting;

/// <summary>
/// The one transaction user of the SIP stack: REGISTER goes to the registrar, everything about calls to
/// the call side. Requests nobody takes are declined (the layer answers 501; OPTIONS 200).
/// </summary>
internal sealed class SipRequestRouter : ISipRequestHandler
{
    private RegistrarService? _registrar;
    private ISipRequestHandler? _calls;

    /// <summary>Set once at start-up, before the stack starts listening (both sides need the stack first).</summary>
    public void Attach(RegistrarService registrar, ISipRequestHandler calls)
    {
        _registrar = registrar;
        _calls = calls;
    }

    public bool OnRequest(SipServerTransaction transaction)
    {
        if (_registrar?.TryHandle(transaction) == true)
        {
            return true;
        }
        return _calls?.OnRequest(transaction) ?? false;
    }

    public void OnAck(SipRequest ack, SipFlow flow) => _calls?.OnAck(ack, flow);

    public void OnCancel(ServerInviteTransaction invite, SipRequest cancel) => _calls?.OnCancel(invite, cancel);

    public void OnStrayResponse(SipResponse response, SipFlow flow) => _calls?.OnStrayResponse(response, flow);

    public void OnAckTimeout(ServerInviteTransaction invite) => _calls?.OnAckTimeout(invite);
}
