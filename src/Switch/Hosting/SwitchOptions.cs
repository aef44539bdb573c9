using Switch.Registrar;
using Switch.Sip.Auth;

namespace Switch.Hosting;

/// <summary>
/// Everything the switch can be configured with. Every property is settable from the JSON config file
/// (same names, sections as nested objects) and the most used ones from the command line.
/// </summary>
internal sealed class SwitchOptions
{
    public SipOptions Sip { get; set; } = new();
    public EventSocketOptions EventSocket { get; set; } = new();
    public RtpOptions Rtp { get; set; } = new();
    public MediaThreadOptions Media { get; set; } = new();
    public CallOptions Calls { get; set; } = new();
    public RegistrarOptions Registrar { get; set; } = new() { Store = "sqlite" };

    /// <summary>Users and domain. Empty: users 1000-1019 with password 1234, as a stock FreeSWITCH ships.</summary>
    public DirectoryOptions Directory { get; set; } = new();

    public DigestOptions Digest { get; set; } = new();

    /// <summary>Where the embedded SQLite store keeps registrations.</summary>
    public string DataDir { get; set; } = "data";
}

internal sealed class SipOptions
{
    /// <summary>IP:PORT for both UDP and TCP. [::]:5060 listens on IPv6.</summary>
    public string Listen { get; set; } = "0.0.0.0:5060";

    /// <summary>The SIP domain (digest realm). Empty: the listen address, or this host's address when it is a wildcard.</summary>
    public string? Domain { get; set; }

    /// <summary>The address the switch puts in Via, Contact and SDP when it listens on a wildcard.</summary>
    public string? ExternalAddress { get; set; }

    public int T1Milliseconds { get; set; } = 500;
    public int T2Milliseconds { get; set; } = 4000;
    public int T4Milliseconds { get; set; } = 5000;

    /// <summary>Log every SIP message in and out from the start (also `siptrace on` at run time).</summary>
    public bool Trace { get; set; }

    /// <summary>CIDRs whose INVITEs are not challenged (carrier gateways).</summary>
    public List<string> TrustedNetworks { get; set; } = [];
}

internal sealed class EventSocketOptions
{
    public string Listen { get; set; } = "127.0.0.1:8021";
    public string Password { get; set; } = "ClueCon";

    /// <summary>CIDRs allowed to connect. Empty: loopback only, as FreeSWITCH's loopback.auto.</summary>
    public List<string> Acl { get; set; } = [];

    /// <summary>Controllers the switch connects out to for each new call (outbound mode).</summary>
    public List<OutboundTargetOptions> Outbound { get; set; } = [];
}

internal sealed class OutboundTargetOptions
{
    /// <summary>HOST:PORT of the controller.</summary>
    public string Address { get; set; } = "";

    /// <summary>Destination-number prefixes this controller takes; empty means every call.</summary>
    public List<string> DestinationPrefixes { get; set; } = [];
}

internal sealed class RtpOptions
{
    /// <summary>FROM-TO, inclusive, even start.</summary>
    public string Ports { get; set; } = "16384-32767";
}

/// <summary>The epoll media threads that receive, relay and pace RTP (Linux).</summary>
internal sealed class MediaThreadOptions
{
    /// <summary>How many media threads; 0 = one per processor, at most 4.</summary>
    public int Threads { get; set; }

    /// <summary>Run the media threads under SCHED_FIFO (FreeSWITCH's -rp); needs CAP_SYS_NICE or an RTPRIO limit.</summary>
    public bool RealtimePriority { get; set; }
}

internal sealed class CallOptions
{
    /// <summary>A parked channel nobody acts on is hung up after this many seconds.</summary>
    public int ParkTimeoutSeconds { get; set; } = 60;
}
