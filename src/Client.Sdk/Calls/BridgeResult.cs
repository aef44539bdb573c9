namespace Switch.Client;

/// <summary>
/// How a bridge went. For <see cref="Channel.BridgeAsync(string, CancellationToken)"/> (the <c>bridge</c> application) it
/// is known when the application completes: after the bridged call ended, or at once when no leg answered.
/// </summary>
/// <param name="Bridged">True when the legs were connected.</param>
/// <param name="Cause">Why it failed (<c>originate_failed_cause</c>), <see cref="HangupCause.None"/> on success or when unknown.</param>
/// <param name="CauseName">The failure cause as the switch named it, or null.</param>
/// <param name="OtherUniqueId">The peer leg, when known.</param>
public sealed record BridgeResult(bool Bridged, HangupCause Cause, string? CauseName, string? OtherUniqueId);
