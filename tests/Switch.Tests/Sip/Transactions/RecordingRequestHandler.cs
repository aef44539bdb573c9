using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Tests.Sip.Transactions;

internal sealed class RecordingRequestHandler : ISipRequestHandler
{
    public Func<SipServerTransaction, bool> Accept { get; set; } = _ => true;

    public List<SipServerTransaction> Requests { get; } = [];

    public List<SipRequest> Acks { get; } = [];

    public List<(ServerInviteTransaction Invite, SipRequest Cancel)> Cancels { get; } = [];

    public List<SipResponse> Stray { get; } = [];

    public List<ServerInviteTransaction> AckTimeouts { get; } = [];

    public bool OnRequest(SipServerTransaction transaction)
    {
        Requests.Add(transaction);
        return Accept(transaction);
    }

    public void OnAck(SipRequest ack, SipFlow flow) => Acks.Add(ack);

    public void OnCancel(ServerInviteTransaction invite, SipRequest cancel) => Cancels.Add((invite, cancel));

    public void OnStrayResponse(SipResponse response, SipFlow flow) => Stray.Add(response);

    public void OnAckTimeout(ServerInviteTransaction invite) => AckTimeouts.Add(invite);
}
