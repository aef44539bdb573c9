using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Transactions;

/// <summary>
/// The RFC 3261 §17 transaction layer: matches incoming messages to transactions, creates server transactions
/// for new requests and hands them to the <see cref="ISipRequestHandler"/>, answers what it can statelessly
/// (validation failures, OPTIONS, declined requests) and sends the transaction user's requests in client
/// transactions. All timers run on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class SipTransactionLayer : ISipMessageSink, IDisposable
{
    private readonly ISipTransport _transport;
    private readonly ISipRequestHandler _handler;
    private readonly SipRequestValidator _validator;
    private readonly ConcurrentDictionary<ServerTransactionKey, SipServerTransaction> _server = new();
    private readonly ConcurrentDictionary<ClientTransactionKey, SipClientTransaction> _client = new();
    private readonly ConcurrentDictionary<DialogRequestKey, ServerInviteTransaction> _awaitingAck = new();
    private readonly ConcurrentDictionary<DialogRequestKey, SipServerTransaction> _pending = new();
    private int _disposed;

    public SipTransactionLayer(
        ISipTransport transport,
        ISipRequestHandler handler,
        TimeProvider time,
        SipTransactionOptions options,
        ILogger<SipTransactionLayer> logger,
        SipRequestValidator? validator = null)
    {
        _transport = transport;
        _handler = handler;
        Time = time;
        Options = options;
        Logger = logger;
        _validator = validator ?? new SipRequestValidator();
        Timers = new SipTimerQueue(time, ex => SipTransactionLog.TimerFailed(logger, ex));
        Completed = new CompletedResponseCache(time, options.TimeoutInterval);
    }

    public SipTransactionOptions Options { get; }

    public TimeProvider Time { get; }

    /// <summary>The transactions' timers.</summary>
    internal SipTimerQueue Timers { get; }

    /// <summary>Final responses of completed non-INVITE server transactions over UDP, kept for Timer J.</summary>
    internal CompletedResponseCache Completed { get; }

    /// <summary>Final responses kept for retransmitted non-INVITE requests (diagnostics).</summary>
    public int CompletedResponseCount => Completed.Count;

    /// <summary>Live server transactions (diagnostics).</summary>
    public int ServerTransactionCount => _server.Count;

    /// <summary>Live client transactions (diagnostics).</summary>
    public int ClientTransactionCount => _client.Count;

    internal ILogger Logger { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var tx in _server.Values)
        {
            tx.Shutdown();
        }

        foreach (var tx in _client.Values)
        {
            tx.Shutdown();
        }

        Timers.Dispose();
        Completed.Dispose();
    }

    internal void Remove(SipServerTransaction tx)
    {
        _ = _server.TryRemove(new KeyValuePair<ServerTransactionKey, SipServerTransaction>(tx.Key, tx));
        if (tx.Request.ToTag is null && tx.Request.CallId is not null && tx.Request.CSeq is { } cseq)
        {
            _ = _pending.TryRemove(new KeyValuePair<DialogRequestKey, SipServerTransaction>(new DialogRequestKey(tx.Request.CallId, tx.Request.FromTag, cseq.Number), tx));
        }
    }

    internal void Remove(SipClientTransaction tx) =>
        _ = _client.TryRemove(new KeyValuePair<ClientTransactionKey, SipClientTransaction>(tx.Key, tx));

    internal void AwaitAck(ServerInviteTransaction tx) => _awaitingAck[tx.DialogKey] = tx;

    internal void StopAwaitingAck(ServerInviteTransaction tx) =>
        _ = _awaitingAck.TryRemove(new KeyValuePair<DialogRequestKey, ServerInviteTransaction>(tx.DialogKey, tx));

    internal void NotifyAckTimeout(ServerInviteTransaction tx)
    {
        try
        {
            _handler.OnAckTimeout(tx);
        }
        catch (Exception ex)
        {
            SipTransactionLog.HandlerFailed(Logger, tx.Request.Method, tx.Request.CallId, ex);
        }
    }

    internal void OnCallbackFailed(SipRequest request, Exception exception) =>
        SipTransactionLog.HandlerFailed(Logger, request.Method, request.CallId, exception);

    internal void SendResponse(SipResponse response, SipFlow flow)
    {
        try
        {
            var pending = _transport.SendResponseAsync(response, flow);
            if (!pending.IsCompletedSuccessfully)
            {
                _ = ObserveAsync(pending, flow.ToString(), null);
            }
        }
        catch (Exception ex)
        {
            SipTransactionLog.SendFailed(Logger, flow.ToString(), ex);
        }
    }

    internal void SendRequest(SipClientTransaction? tx, SipRequest request, SipTarget target)
    {
        try
        {
            var pending = _transport.SendRequestAsync(request, target);
            if (!pending.IsCompletedSuccessfully)
            {
                _ = ObserveAsync(pending, target.ToString(), tx);
            }
        }
        catch (Exception ex)
        {
            SipTransactionLog.SendFailed(Logger, target.ToString(), ex);
            tx?.OnTransportError();
        }
    }

    private async Task ObserveAsync(ValueTask pending, string destination, SipClientTransaction? tx)
    {
        try
        {
            await pending;
        }
        catch (Exception ex)
        {
            SipTransactionLog.SendFailed(Logger, destination, ex);
            tx?.OnTransportError();
        }
    }
}
