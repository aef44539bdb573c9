using System.Net;

namespace Switch.Calls.Sip;

/// <summary>How the B2BUA speaks SIP: identity headers, trusted sources, session timers, ringback.</summary>
internal sealed record SipCallOptions
{
    /// <summary>Sources that may call without a digest challenge (e.g. a trunk or a lab network). Empty: everyone is challenged.</summary>
    public IReadOnlyList<IPNetwork> TrustedNetworks { get; init; } = [];

    /// <summary>User-Agent / Server header of requests and responses the B2BUA sends.</summary>
    public string UserAgent { get; init; } = "Switch";

    public string Allow { get; init; } = "INVITE, ACK, BYE, CANCEL, OPTIONS, MESSAGE, INFO, UPDATE, REGISTER, REFER, NOTIFY";

    public string Supported { get; init; } = "timer, path, replaces";

    /// <summary>The smallest Session-Expires accepted (RFC 4028 Min-SE); smaller requests get 422.</summary>
    public int MinSessionExpires { get; init; } = 90;

    /// <summary>Ringback played to a caller while the b-leg rings without early media (variable ringback overrides).</summary>
    public string Ringback { get; init; } = "%(2000,4000,440,480)";

    /// <summary>Anchor RTP at the switch (default); bypass_media=true per call passes SDP end to end.</summary>
    public bool AnchorMedia { get; init; } = true;

    /// <summary>
    /// A b-leg's Call-ID is its channel uuid (mod_sofia's outbound-use-uuid-as-callid): the string the channel
    /// keeps anyway, and a Call-ID that names the channel in SIP traces. False: a random Call-ID of its own.
    /// </summary>
    public bool OutboundUuidAsCallId { get; init; } = true;

    public bool IsTrusted(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        foreach (var network in TrustedNetworks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }
        return false;
    }
}
