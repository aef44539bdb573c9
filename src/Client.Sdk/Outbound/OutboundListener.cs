using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Switch.Client;

/// <summary>
/// Accepts the switch's per-call connections (outbound mode, FreeSWITCH's <c>socket</c> application) and turns each
/// into an <see cref="OutboundSession"/>. Use <see cref="AcceptAsync"/> for one at a time or <see cref="RunAsync"/>
/// to handle every call concurrently.
/// </summary>
public sealed class OutboundListener : IAsyncDisposable
{
    private readonly OutboundListenerOptions _options;
    private readonly ILogger _logger;
    private readonly Socket _socket;
    private int _started;

    /// <summary>Creates the listener (not yet listening).</summary>
    public OutboundListener(OutboundListenerOptions? options = null)
    {
        _options = options ?? new OutboundListenerOptions();
        _logger = _options.LoggerFactory?.CreateLogger<OutboundListener>() ?? (ILogger)NullLogger.Instance;
        var address = IPAddress.Parse(_options.Address);
        _socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        Endpoint = new IPEndPoint(address, _options.Port);
    }

    /// <summary>The address listened on (with the real port once started).</summary>
    public IPEndPoint Endpoint { get; private set; }

    /// <summary>Starts listening.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        _socket.Bind(Endpoint);
        _socket.Listen(512);
        Endpoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>Waits for the next call and sets up its session (<c>connect</c>, <c>myevents</c>, <c>linger</c>).</summary>
    /// <exception cref="EventSocketException">The switch's connection failed during setup.</exception>
    public async Task<OutboundSession> AcceptAsync(CancellationToken cancellationToken = default)
    {
        Start();
        var socket = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
        return await OutboundSession.StartAsync(socket, _options, _logger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Accepts calls until <paramref name="cancellationToken"/> fires, running <paramref name="handler"/> for each
    /// session concurrently; a session is disposed when its handler returns. Handler exceptions are logged.
    /// </summary>
    public async Task RunAsync(Func<OutboundSession, CancellationToken, Task> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Start();
        var running = new HashSet<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                var task = Task.Run(() => HandleAsync(socket, handler, cancellationToken), CancellationToken.None);
                lock (running)
                {
                    running.Add(task);
                }

                _ = task.ContinueWith(
                    t =>
                    {
                        lock (running)
                        {
                            running.Remove(t);
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
        finally
        {
            Task[] pending;
            lock (running)
            {
                pending = [.. running];
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    /// <summary>Stops listening.</summary>
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task HandleAsync(Socket socket, Func<OutboundSession, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        var peer = socket.RemoteEndPoint?.ToString() ?? "switch";
        OutboundSession session;
        try
        {
            session = await OutboundSession.StartAsync(socket, _options, _logger, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EventSocketException or OperationCanceledException or IOException)
        {
            EventSocketClientLog.OutboundSetupFailed(_logger, peer, ex.Message);
            return;
        }

        await using (session.ConfigureAwait(false))
        {
            try
            {
                await handler(session, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                EventSocketClientLog.OutboundHandlerFailed(_logger, session.UniqueId, ex);
            }
        }
    }
}
