using System.Diagnostics.CodeAnalysis;

namespace Switch.Sdp;

/// <summary>
/// Result of <see cref="SdpOfferAnswer.CreateAnswer"/> or <see cref="SdpOfferAnswer.ProcessAnswer"/>.
/// <see cref="Session"/> is the SDP the switch produced (an answer), null for <c>ProcessAnswer</c>.
/// </summary>
internal sealed record SdpNegotiationResult(SdpNegotiationError Error, SdpSession? Session, SdpAudioNegotiation? Audio)
{
    [MemberNotNullWhen(true, nameof(Audio))]
    public bool IsSuccess => Error == SdpNegotiationError.None && Audio is not null;

    /// <summary>The SIP status the call engine answers a failed offer with.</summary>
    public const int NotAcceptableHere = 488;

    public static SdpNegotiationResult Failed(SdpNegotiationError error) => new(error, null, null);
}
