using System.Net;
using Switch.Sdp;

namespace Switch.Media;

/// <summary>
/// What offer/answer decided for a leg, in RTP terms. Build it with <see cref="FromSdp"/>.
/// </summary>
/// <param name="Remote">Where to send until latched (the SDP address); null = unknown or on hold (c=0.0.0.0).</param>
/// <param name="Codec">The codec; its payload type is the one used when sending.</param>
/// <param name="ReceivePayloadType">The payload type the remote sends the codec with.</param>
/// <param name="TelephoneEventPayloadType">RFC 4733 payload type for sending; null = not negotiated (DTMF sent in-band).</param>
/// <param name="ReceiveTelephoneEventPayloadType">RFC 4733 payload type the remote sends with.</param>
/// <param name="PtimeMs">Packet time the remote asked for.</param>
/// <param name="Send">False when the remote does not want media (hold, recvonly/inactive from our side).</param>
internal sealed record MediaLegSettings(
    IPEndPoint? Remote,
    RtpCodec Codec,
    byte ReceivePayloadType,
    byte? TelephoneEventPayloadType,
    byte? ReceiveTelephoneEventPayloadType,
    int PtimeMs = 20,
    bool Send = true)
{
    /// <summary>Maps a negotiated audio stream (host names in c= are not resolved: the leg latches instead).</summary>
    public static MediaLegSettings FromSdp(SdpAudioNegotiation audio)
    {
        IPEndPoint? remote = null;
        if (audio.RemoteAddress is not null && IPAddress.TryParse(audio.RemoteAddress, out var address) && audio.RemotePort is > 0 and <= 65535)
        {
            remote = new IPEndPoint(address, audio.RemotePort);
        }

        var codec = new RtpCodec((byte)audio.Codec.PayloadType, audio.Codec.EncodingName, audio.Codec.ClockRate);
        return new MediaLegSettings(
            remote,
            codec,
            (byte)audio.ReceivePayloadType,
            audio.TelephoneEvent is null ? null : (byte)audio.TelephoneEvent.PayloadType,
            audio.ReceiveTelephoneEventPayloadType is { } pt ? (byte)pt : null,
            audio.Ptime,
            audio.Direction.CanSend());
    }
}
