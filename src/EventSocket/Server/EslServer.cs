using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Switch.EventSocket;

/// <summary>
/// A FreeSWITCH-compatible event socket server: the inbound listener (clients dial in, authenticate and send
/// commands) and outbound sessions (<see cref="ConnectOutboundAsync"/>: the server dials a controller for one
/// channel). Subscribes to the host's <see cref="IEslEventSource"/> and <see cref="IEslLogSource"/> on start and
/// runs commands through <see cref="IEslCommandExecutor"/>. Counters are published on the <c>Switch.EventSocket</c> meter.
/// </summary>
/// <remarks>
/// Beyond FreeSWITCH: the server keeps the last <see cref="EslServerOptions.JournalCapacity"/> events (in at most
/// <see cref="EslServerOptions.JournalBytes"/>). A client that
/// reconnects sends its subscription (<c>event …</c>, filters) and then <c>event resume &lt;Event-Sequence of the last
/// event it saw&gt;</c>; the reply is <c>+OK resumed &lt;n&gt; events, &lt;m&gt; missing</c> (m = events already gone from
/// the journal), followed by the n missed events that match its subscription, in publish order, then the live stream
/// with neither gaps nor duplicates. Errors: <c>-ERR invalid sequence</c>, <c>-ERR resume not available</c> (journal off).
/// Clients that never send it see nothing different.
/// </remarks>
public sealed partial class EslServer : IAsyncDisposable
{
    private static readonly TimeSpan RejectSendTimeout = TimeSpan.FromSeconds(1);
    private readonly EslServerOptions _options;
    private readonly IEslEventSource _events;
    private readonly IEslLogSource? _logs;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly EslServerMetrics _metrics;
    private readonly EslAcl _acl;
    private readonly EslEventHub _hub;
    private readonly CancellationTokenSource _stopping = new();
    private readonly EslServerContext _ctx;
    private readonly ConcurrentDictionary<EslConnection, Task> _running = new();
    private Socket? _listener;
    private Task? _acceptLoop;
    private IDisposable? _eventSubscription;
    private IDisposable? _logSubscription;
    private int _inbound;
    private int _state;

    /// <summary>Creates a server; nothing happens until <see cref="StartAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names every bad key).</exception>
    public EslServer(
        EslServerOptions options,
        IEslEventSource events,
        IEslCommandExecutor executor,
        IEslLogSource? logs = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(executor);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }

        _options = options;
        _events = events;
        _logs = logs;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<EslServer>();
        _time = timeProvider ?? TimeProvider.System;
        _metrics = new EslServerMetrics(meterFactory);
        _acl = new EslAcl(options.Acl);
        _hub = new EslEventHub(options.JournalCapacity, options.JournalBytes);
        _ctx = new EslServerContext(options, executor, _hub, _logger, _metrics, _time, _stopping.Token);
    }

    /// <summary>The bound listen address (useful with port 0), or null when not listening.</summary>
    public EndPoint? LocalEndPoint => _listener?.LocalEndPoint;

    /// <summary>Open connections (inbound and outbound).</summary>
    public int ConnectionCount => _hub.ConnectionCount;

    /// <summary>The meter the counters are published on.</summary>
    public Meter Meter => _metrics.Meter;

    /// <summary>Number of bgapi jobs still running.</summary>
    public int RunningJobs => _ctx.RunningJobs;

    /// <summary>
    /// True when an authenticated connection listens for <paramref name="eventName"/> on every channel: the host uses
    /// it to know whether any controller would hear about a new call.
    /// </summary>
    /// <summary>
    /// False when no client has asked, since the server started, for events named <paramref name="eventName"/>
    /// (and CUSTOM <paramref name="subclass"/>): the host may skip building them.
    /// </summary>
    public bool Wants(string eventName, string? subclass = null) => _hub.Interest.Wants(eventName, subclass);

    public bool HasListenerFor(string eventName)
    {
        foreach (var connection in _hub.Connections)
        {
            if (connection.ListensFor(eventName))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Subscribes to the event and log sources and, when <see cref="EslServerOptions.ListenAddress"/> is set, starts listening.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The event socket server was already started.");
        }

        _eventSubscription = _events.Subscribe(_hub.Publish, _hub.Interest.Wants);
        _logSubscription = _logs?.Subscribe(_hub.PublishLog);
        if (!string.IsNullOrEmpty(_options.ListenAddress))
        {
            var endPoint = new IPEndPoint(IPAddress.Parse(_options.ListenAddress), _options.Port);
            var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(endPoint);
                listener.Listen(512);
            }
            catch
            {
                listener.Dispose();
                throw;
            }

            _listener = listener;
            EslServerLog.Listening(_logger, listener.LocalEndPoint!);
            _acceptLoop = Task.Run(AcceptLoopAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops accepting, sends every connection the shutdown disconnect notice and closes it, and cancels running
    /// bgapi jobs. Waits for connections to finish until <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        _listener?.Dispose();
        _eventSubscription?.Dispose();
        _logSubscription?.Dispose();
        foreach (var connection in _running.Keys)
        {
            connection.Abort(RenderNotice(connection.BoundUuid, EslConstants.ShutdownNoticeBody));
        }

        try
        {
            await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (_acceptLoop is not null)
            {
                await _acceptLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Connections that did not close in time are abandoned; their sockets are closed by Abort.
            }
        }

        _stopping.Dispose();
        _metrics.Dispose();
    }

    private static byte[] RenderNotice(string? uuid, string body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        if (uuid is null)
        {
            EslFrameWriter.WriteDisconnectNotice(buffer, body);
        }
        else
        {
            EslFrameWriter.WriteSessionDisconnectNotice(buffer, uuid, body);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void Track(EslConnection connection, Task run)
    {
        _running[connection] = run;
        _ = ForgetWhenDoneAsync(connection, run);
    }

    private async Task ForgetWhenDoneAsync(EslConnection connection, Task run)
    {
        await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _running.TryRemove(connection, out _);
    }
}
