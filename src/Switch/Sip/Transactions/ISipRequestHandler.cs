using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

/// <summary>
/// The transaction user's one seam into the transaction layer (the call engine and the registrar implement it,
/// usually through one dispatcher). Callbacks run on transport/timer threads: post to your own mailbox, never block.
/// </summary>
internal interface ISipRequestHandler
{
    /// <summary>
    /// A new request (not ACK, not CANCEL) in a new server transaction. Answer through the transaction, now or
    /// later. Return false to decline: the layer answers 501 (OPTIONS: 200).
    /// </summary>
    bool OnRequest(SipServerTransaction transaction);

    /// <summary>An ACK that is not absorbed by a transaction: the ACK for a 2xx (or a stray one).</summary>
    void OnAck(SipRequest ack, SipFlow flow);

    /// <summary>A CANCEL matched a pending INVITE; the CANCEL was answered 200. Answer the INVITE 487.</summary>
    void OnCancel(ServerInviteTransaction invite, SipRequest cancel);

    /// <summary>A response matching no client transaction (e.g. a 2xx retransmission: send the ACK again).</summary>
    void OnStrayResponse(SipResponse response, SipFlow flow);

    /// <summary>A 2xx to an INVITE got no ACK within 64*T1 (RFC 3261 §13.3.1.4: end the dialog with BYE).</summary>
    void OnAckTimeout(ServerInviteTransaction invite);
}
