namespace Switch.Calls;

/// <summary>
/// Turns dial-string endpoints into outbound legs: the registrar and SIP stack in production, a script in
/// tests. Resolution may be asynchronous (a binding store lookup); creating a leg does no I/O.
/// </summary>
internal interface ILegDialer
{
    /// <summary>
    /// The contacts an endpoint expands to (user/ → every registered binding), or the cause it fails with
    /// (SUBSCRIBER_ABSENT for an unknown user, USER_NOT_REGISTERED for a user without bindings).
    /// </summary>
    ValueTask<DialResolution> ResolveAsync(DialEndpoint endpoint, CancellationToken cancellationToken);

    /// <summary>The protocol side of a new outbound leg; nothing is sent until <see cref="ILegSignaling.InviteAsync"/>.</summary>
    ILegSignaling CreateLeg(OutboundLegRequest request);
}

/// <summary>What an endpoint resolved to: contacts to call, or a failure cause when there are none.</summary>
internal sealed record DialResolution(IReadOnlyList<DialContact> Contacts, HangupCause Failure)
{
    public static DialResolution Fail(HangupCause cause) => new([], cause);

    public static DialResolution To(params DialContact[] contacts) => new(contacts, HangupCause.None);
}

/// <summary>
/// One place to send an INVITE. <paramref name="ChannelName"/> names the leg (sofia/internal/1001@192.0.2.55:5060),
/// <paramref name="DestinationNumber"/> is the user dialled; <paramref name="Route"/> is the dialer's own data
/// (a binding, a parsed URI) handed back in <see cref="OutboundLegRequest"/>.
/// </summary>
internal sealed record DialContact(string ChannelName, string DestinationNumber, object? Route = null);

/// <summary>Everything the protocol side needs to place one outbound leg.</summary>
/// <param name="Originator">The caller's protocol side (its offer seeds the b-leg's), or null for originate.</param>
/// <param name="BypassMedia">bypass_media: pass SDP end to end instead of anchoring RTP at the switch.</param>
internal sealed record OutboundLegRequest(
    string Uuid,
    DialContact Contact,
    string? CallerIdName,
    string? CallerIdNumber,
    IReadOnlyList<KeyValuePair<string, string>> Variables,
    ILegSignaling? Originator,
    bool BypassMedia = false);
