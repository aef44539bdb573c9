using System.Net;

namespace Switch.EventSocket;

/// <summary>Configuration of <see cref="EslServer"/>. Defaults follow FreeSWITCH's mod_event_socket.</summary>
public sealed class EslServerOptions
{
    /// <summary>Address to listen on (FS default <c>127.0.0.1</c>); null or empty disables the inbound listener.</summary>
    public string? ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port (FS default 8021; 0 picks a free port).</summary>
    public int Port { get; set; } = EslConstants.DefaultInboundPort;

    /// <summary>Password for <c>auth</c> (FS default <c>ClueCon</c>).</summary>
    public string Password { get; set; } = EslConstants.DefaultPassword;

    /// <summary>CIDR networks allowed to connect (e.g. <c>10.0.0.0/8</c>); null means loopback only (FS <c>loopback.auto</c>).</summary>
    public IList<string>? Acl { get; set; }

    /// <summary>Most simultaneous inbound connections; more are told so and closed.</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>Per-connection bound of queued events and log lines (FS: 100000). Beyond it events are lost.</summary>
    public int MaxQueuedEvents { get; set; } = 100_000;

    /// <summary>Consecutive lost events after which the connection is disconnected (FS: 500).</summary>
    public int MaxLostEvents { get; set; } = 500;

    /// <summary>Time a new connection has to authenticate (FS: 25 s); outbound: time to send <c>connect</c>.</summary>
    public TimeSpan AuthTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Largest command header block accepted; larger closes the connection.</summary>
    public int MaxCommandBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest command body (<c>content-length</c>) accepted (FS: 16 MiB).</summary>
    public int MaxCommandBodyBytes { get; set; } = EslConstants.MaxCommandBodyBytes;

    /// <summary>Failed authentications from one address within <see cref="FailedAuthWindow"/> after which it is refused.</summary>
    public int MaxFailedAuths { get; set; } = 5;

    /// <summary>Window over which failed authentications are counted.</summary>
    public TimeSpan FailedAuthWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Delay before answering a failed <c>auth</c> (slows password guessing).</summary>
    public TimeSpan FailedAuthDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Recent events kept for <c>event resume</c>; 0 disables the journal.</summary>
    public int JournalCapacity { get; set; } = 10_000;

    /// <summary>
    /// Most memory the journal holds (allocated in 1 MiB steps as it fills): with large events fewer than
    /// <see cref="JournalCapacity"/> are kept. An event takes about twice its plain size.
    /// </summary>
    public long JournalBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Time allowed for an outbound TCP connect before the call is refused.</summary>
    public TimeSpan OutboundConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Optional <c>userauth user@domain:password</c> check; null makes every userauth fail.</summary>
    public Func<string, string, string, bool>? UserAuthenticator { get; set; }

    /// <summary>Problems with these options, one line each naming the key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(ListenAddress) && !IPAddress.TryParse(ListenAddress, out _))
        {
            errors.Add($"EventSocket:ListenAddress '{ListenAddress}' is not an IP address.");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"EventSocket:Port {Port} is outside 0-65535.");
        }

        if (string.IsNullOrEmpty(Password))
        {
            errors.Add("EventSocket:Password must not be empty.");
        }

        foreach (var cidr in Acl ?? [])
        {
            if (!EslAcl.TryParseNetwork(cidr, out _))
            {
                errors.Add($"EventSocket:Acl entry '{cidr}' is not a CIDR network.");
            }
        }

        Positive(MaxConnections, nameof(MaxConnections));
        Positive(MaxQueuedEvents, nameof(MaxQueuedEvents));
        Positive(MaxLostEvents, nameof(MaxLostEvents));
        Positive(MaxCommandBytes, nameof(MaxCommandBytes));
        Positive(MaxCommandBodyBytes, nameof(MaxCommandBodyBytes));
        Positive(MaxFailedAuths, nameof(MaxFailedAuths));
        if (JournalCapacity < 0)
        {
            errors.Add("EventSocket:JournalCapacity must not be negative.");
        }

        if (JournalBytes < EslJournal.ChunkBytes && JournalCapacity > 0)
        {
            errors.Add($"EventSocket:JournalBytes must be at least {EslJournal.ChunkBytes} (1 MiB) when the journal is on.");
        }

        if (AuthTimeout <= TimeSpan.Zero || OutboundConnectTimeout <= TimeSpan.Zero || FailedAuthWindow <= TimeSpan.Zero || FailedAuthDelay < TimeSpan.Zero)
        {
            errors.Add("EventSocket: AuthTimeout, OutboundConnectTimeout and FailedAuthWindow must be positive, FailedAuthDelay not negative.");
        }

        return errors;

        void Positive(int value, string name)
        {
            if (value <= 0)
            {
                errors.Add($"EventSocket:{name} must be positive.");
            }
        }
    }
}
