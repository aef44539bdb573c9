using System.Threading.Channels;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

/// <summary>
/// A request sent by the transaction user. Responses (provisional and final, plus 2xx retransmissions for INVITE)
/// arrive through the callback when one is given, else on <see cref="Responses"/>; <see cref="FinalResponse"/>
/// completes with the first final response, a synthetic 408 on timeout or a synthetic 503 when the transport failed.
/// </summary>
internal abstract class SipClientTransaction : SipTransaction
{
    private static readonly ChannelReader<SipResponse> NoResponses = CreateCompleted();

    /// <summary>Only for a transaction without a callback: nobody would read it otherwise, and it would hold every response until the end.</summary>
    private readonly Channel<SipResponse>? _responses;
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<SipClientTransaction, SipResponse>? _callback;

    private protected SipClientTransaction(SipTransactionLayer layer, SipRequest request, SipTarget target, Action<SipClientTransaction, SipResponse>? callback)
        : base(layer, request, request.TopVia!.Branch!, target.IsReliable)
    {
        Target = target;
        _callback = callback;
        if (callback is null)
        {
            _responses = Channel.CreateUnbounded<SipResponse>(new UnboundedChannelOptions { SingleReader = true });
        }
    }

    public SipTarget Target { get; }

    /// <summary>Every response, for a transaction sent without a callback (with one, an empty completed reader).</summary>
    public ChannelReader<SipResponse> Responses => _responses?.Reader ?? NoResponses;

    public Task<SipResponse> FinalResponse => _final.Task;

    internal ClientTransactionKey Key => new(Branch, Request.CSeq!.Value.Method);

    internal abstract void Start();

    internal abstract void OnResponse(SipResponse response);

    /// <summary>The transport could not send the request: behave as if a 503 was received (§8.1.3.1).</summary>
    internal void OnTransportError()
    {
        lock (Gate)
        {
            if (State is SipTransactionState.Calling or SipTransactionState.Trying or SipTransactionState.Proceeding)
            {
                Deliver(SipResponse.CreateFor(Request, 503, "Service Unavailable (transport error)"));
                Terminate();
            }
        }
    }

    private protected void Deliver(SipResponse response)
    {
        _responses?.Writer.TryWrite(response);
        if (response.IsFinal)
        {
            _final.TrySetResult(response);
        }

        if (_callback is not null)
        {
            try
            {
                _callback(this, response);
            }
            catch (Exception ex)
            {
                Layer.OnCallbackFailed(Request, ex);
            }
        }
    }

    private protected void DeliverTimeout()
    {
        SipTransactionLog.TimedOut(Layer.Logger, Branch, Request.Method);
        Deliver(SipResponse.CreateFor(Request, 408));
    }

    private protected void Send() => Layer.SendRequest(this, Request, Target);

    private protected override void OnTerminated()
    {
        if (!_final.Task.IsCompleted)
        {
            // Only a shutdown ends a transaction without a final response (timeouts deliver 408, transport errors 503).
            _final.TrySetResult(SipResponse.CreateFor(Request, 503, "Service Unavailable (stack stopped)"));
        }

        _responses?.Writer.TryComplete();
        Layer.Remove(this);
    }

    private static ChannelReader<SipResponse> CreateCompleted()
    {
        var channel = Channel.CreateUnbounded<SipResponse>();
        channel.Writer.Complete();
        return channel.Reader;
    }
}
