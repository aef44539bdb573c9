namespace Switch.Calls;

/// <summary>
/// The originate command, parsed: what to dial, and what the answered leg does then: an application
/// (<c>&amp;park()</c>, <c>&amp;bridge(...)</c>), a bridge to a live channel (its uuid), or an extension (the leg is
/// parked with that destination, as this switch has no dialplan).
/// </summary>
internal sealed record OriginateRequest(
    DialString Dial,
    string? Application,
    string? ApplicationArgument,
    string? Extension,
    string? CallerIdName = null,
    string? CallerIdNumber = null,
    TimeSpan? Timeout = null);

/// <summary>The originate outcome: the new leg's uuid, or the cause it failed with.</summary>
internal sealed record OriginateResult(string? Uuid, HangupCause Cause)
{
    public bool Succeeded => Uuid is not null;
}
