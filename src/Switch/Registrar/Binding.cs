using System.Net;

namespace Switch.Registrar;

/// <summary>
/// One registered contact of an address-of-record (RFC 3261 §10). The contact is kept exactly as the phone
/// sent it (baresip registers <c>sip:1000-0x55c6...@host</c>); the received address and transport say how
/// to reach it through NAT.
/// </summary>
internal sealed record Binding
{
    /// <summary>The AOR user, as the directory spells it.</summary>
    public required string User { get; init; }

    /// <summary>The AOR domain (the directory's domain).</summary>
    public required string Domain { get; init; }

    /// <summary>The Contact URI as sent, without angle brackets or header parameters.</summary>
    public required string ContactUri { get; init; }

    /// <summary>The whole contact value as sent, with display name and header parameters (expires, q, +sip.instance).</summary>
    public required string ContactHeader { get; init; }

    /// <summary>The display name the phone gave (Contact, else To), unquoted; null if none.</summary>
    public string? Display { get; init; }

    /// <summary>The q parameter (0..1) or null when absent.</summary>
    public float? Q { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required string CallId { get; init; }

    public required uint CSeq { get; init; }

    /// <summary>The +sip.instance value (RFC 5626/5627), quotes removed, e.g. &lt;urn:uuid:...&gt;.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The reg-id parameter (RFC 5626) or null.</summary>
    public int? RegId { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>Where the REGISTER came from (source IP and port): where requests for this contact are sent.</summary>
    public required IPEndPoint Received { get; init; }

    public required BindingTransport Transport { get; init; }

    /// <summary>The TCP/TLS connection the REGISTER arrived on, to reuse it for requests (RFC 5626 flow).</summary>
    public long? ConnectionId { get; init; }

    /// <summary>Path header values (RFC 3327) joined with ", ": proxies a request must traverse; null if none.</summary>
    public string? Path { get; init; }

    /// <summary>The digest username that authenticated this binding.</summary>
    public required string AuthUser { get; init; }

    /// <summary>True when the received address differs from the contact's (the phone is behind NAT).</summary>
    public bool BehindNat { get; init; }

    /// <summary>
    /// What identifies the binding inside its AOR: the +sip.instance (with reg-id) when given, else the contact
    /// URI. A REGISTER with the same key refreshes (replaces) the binding.
    /// </summary>
    public string Key => KeyOf(ContactUri, InstanceId, RegId);

    public static string KeyOf(string contactUri, string? instanceId, int? regId) =>
        instanceId is null ? contactUri
        : regId is null ? instanceId
        : string.Concat(instanceId, ";reg-id=", regId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Seconds left until expiry at <paramref name="now"/>, never negative.</summary>
    public int SecondsLeft(DateTimeOffset now) =>
        ExpiresAt <= now ? 0 : (int)Math.Ceiling((ExpiresAt - now).TotalSeconds - 1e-9);

    /// <summary>FreeSWITCH's status text: Registered(UDP), Registered(TCP-NAT), ...</summary>
    public string Status => (Transport, BehindNat) switch
    {
        (BindingTransport.Udp, false) => "Registered(UDP)",
        (BindingTransport.Udp, true) => "Registered(UDP-NAT)",
        (BindingTransport.Tcp, false) => "Registered(TCP)",
        (BindingTransport.Tcp, true) => "Registered(TCP-NAT)",
        (BindingTransport.Tls, false) => "Registered(TLS)",
        _ => "Registered(TLS-NAT)",
    };
}
