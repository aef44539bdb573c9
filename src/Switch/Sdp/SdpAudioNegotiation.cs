namespace Switch.Sdp;

/// <summary>
/// The outcome of offer/answer for the audio stream, from the switch's point of view.
/// </summary>
/// <param name="RemoteAddress">Where to send RTP (IP literal or host as written); null when unspecified (c=0.0.0.0 hold) or absent.</param>
/// <param name="RemotePort">The remote m-line port.</param>
/// <param name="Codec">The audio codec, numbered as the remote expects to receive it (use this PT when sending).</param>
/// <param name="ReceivePayloadType">The PT the remote uses for that codec when sending to us.</param>
/// <param name="TelephoneEvent">RFC 4733 telephone-event as the remote numbers it, or null when not negotiated.</param>
/// <param name="ReceiveTelephoneEventPayloadType">The telephone-event PT the remote uses when sending to us.</param>
/// <param name="Ptime">Packet time the remote asked for, in milliseconds (default 20).</param>
/// <param name="Direction">Our direction: SendOnly bit = we may send, RecvOnly bit = we expect media.</param>
/// <param name="RemoteHold">The remote put the stream on hold (sendonly/inactive or c=0.0.0.0).</param>
internal sealed record SdpAudioNegotiation(
    string? RemoteAddress,
    int RemotePort,
    SdpCodec Codec,
    int ReceivePayloadType,
    SdpCodec? TelephoneEvent,
    int? ReceiveTelephoneEventPayloadType,
    int Ptime,
    SdpDirection Direction,
    bool RemoteHold);
