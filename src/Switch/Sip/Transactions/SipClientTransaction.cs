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

    private readonly Action<SipClientTransaction, SipResponse>? _callback;

    /// <summary>
    /// Made when <see cref="Responses"/> is first read (only without a callback): most transactions without one (BYE,
    /// CANCEL) are never read, and a channel per request would be garbage. Until then responses wait in <see cref="_unread"/>.
    /// </summary>
    private Channel<SipResponse>? _responses;
    private List<SipResponse>? _unread;

    /// <summary>Made when <see cref="FinalResponse"/> is first read; <see cref="_finalResponse"/> keeps the answer until then.</summary>
    private TaskCompletionSource<SipResponse>? _final;
    private SipResponse? _finalResponse;

    private protected SipClientTransaction(SipTransactionLayer layer, SipRequest request, string branch, SipTarget target, Action<SipClientTransaction, SipResponse>? callback)
        : base(layer, request, branch, target.IsReliable)
    {
        Target = target;
        _callback = callback;
    }

    public SipTarget Target { get; }

    /// <summary>
    /// Every response, for a transaction sent without a callback (with one, an empty completed reader), from the first
    /// response on whenever it is first read; completed when the transaction terminates.
    /// </summary>
    public ChannelReader<SipResponse> Responses
    {
        get
        {
            if (_callback is not null)
            {
                return NoResponses;
            }

            lock (Gate)
            {
                if (_responses is null)
                {
                    _responses = Channel.CreateUnbounded<SipResponse>(new UnboundedChannelOptions { SingleReader = true });
                    if (_unread is not null)
                    {
                        foreach (var response in _unread)
                        {
                            _responses.Writer.TryWrite(response);
                        }

                        _unread = null;
                    }

                    if (IsTerminated)
                    {
                        _responses.Writer.TryComplete();
                    }
                }

                return _responses.Reader;
            }
        }
    }

    /// <summary>
    /// The first final response, a synthetic 408 on timeout, 503 when the transport failed or 503 when the stack stopped
    /// before one came.
    /// </summary>
    public Task<SipResponse> FinalResponse
    {
        get
        {
            lock (Gate)
            {
                if (_final is null)
                {
                    _final = new TaskCompletionSource<SipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
                    if (_finalResponse is null && IsTerminated)
                    {
                        _finalResponse = StoppedResponse();
                    }

                    if (_finalResponse is not null)
                    {
                        _final.TrySetResult(_finalResponse);
                    }
                }

                return _final.Task;
            }
        }
    }

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

    /// <summary>Hands a response to the callback or the stream, and a final one to <see cref="FinalResponse"/>. Call under the lock.</summary>
    private protected void Deliver(SipResponse response)
    {
        if (_callback is null)
        {
            if (_responses is not null)
            {
                _responses.Writer.TryWrite(response);
            }
            else
            {
                (_unread ??= new List<SipResponse>(2)).Add(response);
            }
        }

        if (response.IsFinal && _finalResponse is null)
        {
            _finalResponse = response;
            _final?.TrySetResult(response);
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
        // Only a shutdown ends a transaction without a final response (timeouts deliver 408, transport errors 503).
        if (_finalResponse is null && _final is not null)
        {
            _finalResponse = StoppedResponse();
            _final.TrySetResult(_finalResponse);
        }

        _responses?.Writer.TryComplete();
        Layer.Remove(this);
    }

    private SipResponse StoppedResponse() => SipResponse.CreateFor(Request, 503, "Service Unavailable (stack stopped)");

    private static ChannelReader<SipResponse> CreateCompleted()
    {
        var channel = Channel.CreateUnbounded<SipResponse>();
        channel.Writer.Complete();
        return channel.Reader;
    }
}
