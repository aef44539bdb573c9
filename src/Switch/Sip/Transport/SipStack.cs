using System.Net;
using Microsoft.Extensions.Logging;
using Switch.Sip.Message;
using Switch.Sip.Transactions;

namespace Switch.Sip.Transport;

/// <summary>
/// The SIP stack: UDP+TCP transports feeding the transaction layer, which hands requests to the
/// <see cref="ISipRequestHandler"/>. Start with <see cref="StartAsync"/>; stop with <see cref="StopAsync"/> or dispose.
/// </summary>
internal sealed class SipStack : IAsyncDisposable
{
    private readonly SipStackOptions _options;
    private int _state;

    public SipStack(SipStackOptions options, ISipRequestHandler handler, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _options = options;
        Trace = new SipTrace(loggerFactory, time) { Enabled = options.TraceEnabled };
        Transport = new SipTransport(options.Transport, time, Trace, loggerFactory.CreateLogger<SipTransport>());
        Transactions = new SipTransactionLayer(
            Transport,
            handler,
            time,
            options.Transactions,
            loggerFactory.CreateLogger<SipTransactionLayer>(),
            new SipRequestValidator(options.Validation));
    }

    /// <summary>The transaction layer: send requests, ACKs, CANCELs and stateless messages through it.</summary>
    public SipTransactionLayer Transactions { get; }

    public SipTransport Transport { get; }

    /// <summary>The siptrace switch.</summary>
    public SipTrace Trace { get; }

    /// <summary>The endpoints actually bound (UDP and TCP share each); valid after <see cref="StartAsync"/>.</summary>
    public IReadOnlyList<IPEndPoint> BoundEndPoints => Transport.LocalEndPoints;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The SIP stack was already started.");
        }

        Transport.Start(_options.ListenEndPoints, Transactions);
        return Task.CompletedTask;
    }

    /// <summary>Closes sockets and connections and ends every transaction (within 5 s).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        await Transport.StopAsync().AsTask().WaitAsync(cancellationToken);
        Transactions.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Transport.DisposeAsync();
        Transactions.Dispose();
    }
}
