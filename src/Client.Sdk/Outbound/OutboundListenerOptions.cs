using Microsoft.Extensions.Logging;
using Switch.EventSocket;

namespace Switch.Client;

/// <summary>How <see cref="OutboundListener"/> listens and sets up each per-call session.</summary>
public sealed class OutboundListenerOptions
{
    /// <summary>Address to listen on (default loopback).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Port (FreeSWITCH's <c>socket</c> application defaults to 8084; 0 picks a free one).</summary>
    public int Port { get; set; } = 8084;

    /// <summary>Send <c>myevents</c> after <c>connect</c>, so the session receives its channel's events.</summary>
    public bool MyEvents { get; set; } = true;

    /// <summary>Send <c>linger</c> after <c>connect</c>, so events after the hangup (CHANNEL_HANGUP_COMPLETE) still arrive.</summary>
    public bool Linger { get; set; } = true;

    /// <summary>Seconds to linger; null lingers until the session exits.</summary>
    public int? LingerSeconds { get; set; }

    /// <summary>Event format of the session (json by default).</summary>
    public EslEventFormat EventFormat { get; set; } = EslEventFormat.Json;

    /// <summary>Time the switch has to answer <c>connect</c>.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound of each event reader's queue.</summary>
    public int EventQueueCapacity { get; set; } = 10_000;

    /// <summary>Where sessions log; nothing when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
