namespace Switch.Calls;

/// <summary>Settings of the call engine (bound from configuration by the host).</summary>
internal sealed class CallEngineOptions
{
    /// <summary>How long a channel may sit idle in park before it is hung up; zero disables. Per channel: variable park_timeout (seconds[:CAUSE]).</summary>
    public TimeSpan ParkTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The cause a park timeout hangs up with.</summary>
    public HangupCause ParkTimeoutCause { get; set; } = HangupCause.AllottedTimeout;

    /// <summary>How long outbound legs ring before NO_ANSWER when neither call_timeout nor originate_timeout says otherwise.</summary>
    public TimeSpan DefaultRingTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The sofia profile name used in channel names (sofia/internal/...).</summary>
    public string ProfileName { get; set; } = "internal";

    /// <summary>Caller id of legs placed by the originate command when nothing sets one.</summary>
    public string DefaultCallerIdName { get; set; } = string.Empty;

    /// <summary>Caller id number of legs placed by the originate command when nothing sets one.</summary>
    public string DefaultCallerIdNumber { get; set; } = "0000000000";
}
