using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

/// <summary>
/// A server transaction handed to the transaction user: answer the request through it. Sending is non-blocking
/// (the bytes go out in the background); retransmissions and absorption are handled here.
/// </summary>
internal abstract class SipServerTransaction : SipTransaction
{
    private protected SipServerTransaction(SipTransactionLayer layer, SipRequest request, SipFlow flow, ServerTransactionKey key)
        : base(layer, request, key.Branch, flow.IsReliable)
    {
        Flow = flow;
        Key = key;
        LocalTag = SipIdentifiers.NewTag();
    }

    /// <summary>Where the request came from (responses go back this way, RFC 3261 §18.2.2).</summary>
    public SipFlow Flow { get; }

    /// <summary>A To tag generated for this transaction; <see cref="CreateResponse"/> uses it for non-100 responses.</summary>
    public string LocalTag { get; }

    /// <summary>The last response sent, or null.</summary>
    public SipResponse? LastResponse { get; private protected set; }

    internal ServerTransactionKey Key { get; }

    /// <summary>A response to the request (RFC 3261 §8.2.6) with <see cref="LocalTag"/> unless the status is 100.</summary>
    public SipResponse CreateResponse(int status, string? reason = null) =>
        SipResponse.CreateFor(Request, status, reason, status == 100 ? null : LocalTag);

    /// <summary>As <see cref="CreateResponse"/> but a builder, to add headers or a body.</summary>
    public SipMessageBuilder CreateResponseBuilder(int status, string? reason = null) =>
        SipResponse.BuilderFor(Request, status, reason, status == 100 ? null : LocalTag);

    /// <summary>Sends a response; false when the state does not allow it (a final response was already sent).</summary>
    public abstract bool TrySendResponse(SipResponse response);

    /// <summary>Shortcut for <c>TrySendResponse(CreateResponse(status, reason))</c>.</summary>
    public bool TryRespond(int status, string? reason = null) => TrySendResponse(CreateResponse(status, reason));

    internal abstract void OnRetransmission();

    private protected void Send(SipResponse response) => Layer.SendResponse(response, Flow);

    private protected override void OnTerminated() => Layer.Remove(this);
}
