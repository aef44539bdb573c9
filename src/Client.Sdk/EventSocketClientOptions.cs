using Microsoft.Extensions.Logging;
using Switch.EventSocket;

namespace Switch.Client;

/// <summary>How <see cref="EventSocketClient"/> connects, and reconnects.</summary>
public sealed class EventSocketClientOptions
{
    /// <summary>Switch host (FreeSWITCH default 127.0.0.1).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Event socket port (default 8021).</summary>
    public int Port { get; set; } = EslConstants.DefaultInboundPort;

    /// <summary>Password for <c>auth</c> (default ClueCon).</summary>
    public string Password { get; set; } = EslConstants.DefaultPassword;

    /// <summary>Format used for subscriptions (json by default, as modesl; plain and xml work too).</summary>
    public EslEventFormat EventFormat { get; set; } = EslEventFormat.Json;

    /// <summary>Limit for TCP connect plus greeting and authentication.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconnect automatically after a connection that was up is lost.</summary>
    public bool AutoReconnect { get; set; } = true;

    /// <summary>First reconnect delay; doubled after each failed attempt up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Random fraction (0–1) taken off each delay so many clients do not reconnect in step.</summary>
    public double ReconnectJitter { get; set; } = 0.2;

    /// <summary>Attempts before giving up (the client then stays disconnected); null retries forever.</summary>
    public int? MaxReconnectAttempts { get; set; }

    /// <summary>
    /// After a reconnect, ask for the events missed while away with <c>event resume &lt;last Event-Sequence&gt;</c>
    /// (an extension of this switch). A server that answers <c>-ERR</c> (FreeSWITCH) is remembered as unsupported.
    /// </summary>
    public bool ResumeEvents { get; set; } = true;

    /// <summary>Bound of each event reader's queue.</summary>
    public int EventQueueCapacity { get; set; } = 100_000;

    /// <summary>Clock for reconnect delays (tests pass a manual one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs; nothing when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host, nameof(Host));
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentException.ThrowIfNullOrEmpty(Password, nameof(Password));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectInitialDelay, TimeSpan.Zero, nameof(ReconnectInitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectMaxDelay, ReconnectInitialDelay, nameof(ReconnectMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectJitter, 0, nameof(ReconnectJitter));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ReconnectJitter, 1, nameof(ReconnectJitter));
        ArgumentOutOfRangeException.ThrowIfLessThan(EventQueueCapacity, 1, nameof(EventQueueCapacity));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (Password.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("The password must not contain CR or LF.", nameof(Password));
        }
    }
}
