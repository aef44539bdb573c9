namespace Switch.Sdp;

internal static partial class SdpOfferAnswer
{
    /// <summary>
    /// Answers an offer (RFC 3264 §6): the first audio RTP/AVP stream gets the first acceptable codec in the
    /// offerer's order (or <see cref="SdpLocalMedia.PreferredCodec"/> when offered) plus telephone-event, keeping
    /// the offer's payload type numbers; hold offers are answered recvonly/inactive; every other stream is
    /// rejected with port 0. Fails with <see cref="SdpNegotiationError.NoCommonCodec"/> (→ 488) when nothing fits.
    /// </summary>
    public static SdpNegotiationResult CreateAnswer(SdpSession offer, SdpLocalMedia local)
    {
        var audioIndex = offer.FindAudioIndex();
        if (audioIndex < 0)
        {
            return SdpNegotiationResult.Failed(SdpNegotiationError.NoAudioStream);
        }

        var offered = offer.Media[audioIndex];
        var offeredCodecs = offered.GetCodecs();
        var chosen = ChooseCodec(offeredCodecs, local);
        if (chosen is null)
        {
            return SdpNegotiationResult.Failed(SdpNegotiationError.NoCommonCodec);
        }

        var telephoneEvent = local.TelephoneEvent ? FindTelephoneEvent(offeredCodecs) : null;
        if (telephoneEvent is not null && string.IsNullOrEmpty(telephoneEvent.Fmtp))
        {
            telephoneEvent = telephoneEvent with { Fmtp = SdpCodec.TelephoneEvent.Fmtp };
        }

        var remoteDirection = RemoteDirection(offer, offered);
        var direction = remoteDirection.Reverse() & local.Direction;
        var answerCodecs = telephoneEvent is null ? new[] { chosen } : [chosen, telephoneEvent];

        var media = new SdpMediaDescription[offer.Media.Count];
        for (var i = 0; i < media.Length; i++)
        {
            media[i] = i == audioIndex ? AudioSection(local.Port, answerCodecs, local.Ptime, direction) : Rejected(offer.Media[i]);
        }

        var audio = new SdpAudioNegotiation(
            RemoteAddress(offer, offered),
            offered.Port,
            chosen,
            chosen.PayloadType,
            telephoneEvent,
            telephoneEvent?.PayloadType,
            offered.Ptime ?? 20,
            direction,
            remoteDirection != SdpDirection.SendRecv);
        return new SdpNegotiationResult(SdpNegotiationError.None, NewSession(local, media), audio);
    }

    /// <summary>
    /// Whether <see cref="CreateAnswer"/> would answer <paramref name="offer"/> (an audio stream with a codec
    /// <paramref name="local"/> accepts), without building the answer: <see cref="SdpNegotiationError.None"/> or why not.
    /// </summary>
    public static SdpNegotiationError CheckAnswerable(SdpSession offer, SdpLocalMedia local)
    {
        var audioIndex = offer.FindAudioIndex();
        if (audioIndex < 0)
        {
            return SdpNegotiationError.NoAudioStream;
        }
        return ChooseCodec(offer.Media[audioIndex].GetCodecs(), local) is null ? SdpNegotiationError.NoCommonCodec : SdpNegotiationError.None;
    }

    /// <summary>
    /// Applies the remote's answer to an offer we sent (RFC 3264 §7): the codec is the first answered one we
    /// offered; send payload types are the answer's, receive payload types ours.
    /// </summary>
    public static SdpNegotiationResult ProcessAnswer(SdpSession ourOffer, SdpSession answer)
    {
        var audioIndex = ourOffer.FindAudioIndex();
        if (audioIndex < 0)
        {
            return SdpNegotiationResult.Failed(SdpNegotiationError.NoAudioStream);
        }

        if (answer.Media.Count <= audioIndex)
        {
            return SdpNegotiationResult.Failed(SdpNegotiationError.InvalidAnswer);
        }

        var answered = answer.Media[audioIndex];
        if (answered.IsRejected || !answered.IsAudio)
        {
            return SdpNegotiationResult.Failed(SdpNegotiationError.NoCommonCodec);
        }

        var offeredMedia = ourOffer.Media[audioIndex];
        var offeredCodecs = offeredMedia.GetCodecs();
        var answeredCodecs = answered.GetCodecs();
        SdpCodec? codec = null;
        SdpCodec? ours = null;
        foreach (var candidate in answeredCodecs)
        {
            if (IsAudioCodec(candidate) && FindSameFormat(offeredCodecs, candidate) is { } match)
            {
                codec = candidate;
                ours = match;
                break;
            }
        }

        if (codec is null || ours is null)
        {
            var anyAudio = answeredCodecs.Any(IsAudioCodec);
            return SdpNegotiationResult.Failed(anyAudio ? SdpNegotiationError.InvalidAnswer : SdpNegotiationError.NoCommonCodec);
        }

        var telephoneEvent = FindTelephoneEvent(answeredCodecs);
        var ourTelephoneEvent = FindTelephoneEvent(offeredCodecs);
        if (ourTelephoneEvent is null)
        {
            telephoneEvent = null;
        }

        var remoteDirection = RemoteDirection(answer, answered);
        var direction = remoteDirection.Reverse() & ourOffer.GetDirection(offeredMedia);
        var audio = new SdpAudioNegotiation(
            RemoteAddress(answer, answered),
            answered.Port,
            codec,
            ours.PayloadType,
            telephoneEvent,
            telephoneEvent is null ? null : ourTelephoneEvent?.PayloadType,
            answered.Ptime ?? 20,
            direction,
            remoteDirection != SdpDirection.SendRecv);
        return new SdpNegotiationResult(SdpNegotiationError.None, null, audio);
    }

    private static SdpCodec? ChooseCodec(IReadOnlyList<SdpCodec> offered, SdpLocalMedia local)
    {
        if (local.PreferredCodec is { } preferred && FindSameFormat(offered, preferred) is { } offeredPreferred && IsAudioCodec(offeredPreferred))
        {
            return offeredPreferred;
        }

        foreach (var codec in offered)
        {
            if (IsAudioCodec(codec) && FindSameFormat(local.Codecs, codec) is not null)
            {
                return codec;
            }
        }

        return null;
    }
}
