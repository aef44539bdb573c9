using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.EventSocket;

namespace Switch.Client;

/// <summary>
/// An inbound event socket client: connects to the switch (or FreeSWITCH) on port 8021, authenticates, and offers
/// the command and event API of <see cref="EventSocketConnection"/>. When a connection that was up is lost, it
/// reconnects with exponential backoff, re-subscribes, and — when the server supports it — resumes the missed
/// events with <c>event resume &lt;sequence&gt;</c>. Commands in flight at that moment fail with
/// <see cref="EventSocketDisconnectedException"/>.
/// </summary>
public sealed partial class EventSocketClient : EventSocketConnection
{
    private readonly EventSocketClientOptions _options;
    private readonly ReconnectBackoff _backoff;
    private int _resumeSupport; // 0 unknown, 1 supported, -1 unsupported

    private EventSocketClient(EventSocketClientOptions options, ILogger logger)
        : base(options.EventFormat, options.EventQueueCapacity, logger)
    {
        _options = options;
        _backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay, options.ReconnectJitter);
    }

    /// <summary>Raised (on a pool thread) when the connection is lost.</summary>
    public event EventHandler<ConnectionLostEventArgs>? ConnectionLost;

    /// <summary>Raised (on a pool thread) when a lost connection has been re-established.</summary>
    public event EventHandler<ReconnectedEventArgs>? Reconnected;

    /// <summary>"host:port" of the switch.</summary>
    public string Peer => $"{_options.Host}:{_options.Port}";

    /// <summary>Whether the server resumes missed events: null until a reconnect has asked it.</summary>
    public bool? SupportsEventResume => Volatile.Read(ref _resumeSupport) switch
    {
        1 => true,
        -1 => false,
        _ => null,
    };

    /// <summary>Connects and authenticates with <c>auth &lt;password&gt;</c>.</summary>
    /// <exception cref="EventSocketAuthenticationException">Wrong password, or refused by the server's ACL.</exception>
    /// <exception cref="EventSocketDisconnectedException">The switch cannot be reached.</exception>
    public static Task<EventSocketClient> ConnectAsync(string host, int port, string password, CancellationToken cancellationToken = default) =>
        ConnectAsync(new EventSocketClientOptions { Host = host, Port = port, Password = password }, cancellationToken);

    /// <summary>Connects and authenticates with the given options.</summary>
    /// <exception cref="EventSocketAuthenticationException">Wrong password, or refused by the server's ACL.</exception>
    /// <exception cref="EventSocketDisconnectedException">The switch cannot be reached.</exception>
    public static async Task<EventSocketClient> ConnectAsync(EventSocketClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var logger = options.LoggerFactory?.CreateLogger<EventSocketClient>() ?? (ILogger)NullLogger.Instance;
        var client = new EventSocketClient(options, logger);
        try
        {
            var transport = await client.OpenAsync(cancellationToken).ConfigureAwait(false);
            client.Attach(transport);
            EventSocketClientLog.Connected(logger, client.Peer);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends <c>exit</c> (waiting up to 250 ms for <c>+OK bye</c>), stops reconnecting and closes the connection.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (!IsDisposed && IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(250));
                await SendCommandAsync("exit", cancellationToken: timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is EventSocketException or OperationCanceledException)
            {
                // Closing anyway.
            }
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Opens a transport, authenticates, restores subscriptions and, on a reconnect, resumes events.</summary>
    private async Task<EslTransport> OpenAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, DisposingToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        var transport = await EslTransport.ConnectAsync(_options.Host, _options.Port, _options.ConnectTimeout, this, EslFramingLimits.Client, Logger, timeout.Token)
            .ConfigureAwait(false);
        try
        {
            EslMessage greeting;
            try
            {
                greeting = await transport.Greeting.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !DisposingToken.IsCancellationRequested)
            {
                throw new EventSocketDisconnectedException($"No greeting from {Peer} within {_options.ConnectTimeout.TotalSeconds:0.#} s.");
            }

            if (greeting.ContentType == EslConstants.ContentTypeRudeRejection)
            {
                throw new EventSocketAuthenticationException($"{Peer} refused the connection: {greeting.BodyText.TrimEnd('\n')}");
            }

            var password = _options.Password;
            var reply = await SendOnAsync(transport, w => EslCommandWriter.WriteAuth(w, password), timeout.Token).ConfigureAwait(false);
            if (!string.Equals(reply.ReplyText, "+OK accepted", StringComparison.OrdinalIgnoreCase))
            {
                throw new EventSocketAuthenticationException($"{Peer} refused the password: {reply.ReplyText}");
            }

            await RestoreSubscriptionsAsync(transport, timeout.Token).ConfigureAwait(false);
            return transport;
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
