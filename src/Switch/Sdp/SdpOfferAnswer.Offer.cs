namespace Switch.Sdp;

internal static partial class SdpOfferAnswer
{
    /// <summary>
    /// A fresh offer with the switch's codecs (late offer in a 200 OK, 3PCC, originate):
    /// <c>m=audio &lt;port&gt; RTP/AVP 0 8 101</c> with rtpmap, fmtp, ptime and direction.
    /// </summary>
    public static SdpSession CreateOffer(SdpLocalMedia local)
    {
        var codecs = new List<SdpCodec>(local.Codecs.Count + 1);
        codecs.AddRange(local.Codecs);
        if (local.TelephoneEvent && FindTelephoneEvent(codecs) is null)
        {
            var formats = codecs.Select(c => c.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            codecs.Add(SdpCodec.TelephoneEvent.WithPayloadType(FreeDynamicPayloadType(codecs, formats, SdpCodec.DefaultTelephoneEventPayloadType)));
        }

        return NewSession(local, [AudioSection(local.Port, codecs, local.Ptime, local.Direction)]);
    }

    /// <summary>
    /// The offer for the other leg of a media-anchored bridge: the template's audio codecs in its order (every
    /// format, so codecs the switch cannot transcode still pass through when both ends share them), its
    /// rtpmap/fmtp/ptime and hold direction, with the switch's origin, address and port. The companion G.711 law is
    /// added when only one is offered (<see cref="SdpLocalMedia.AddTranscodableG711"/>), telephone-event when
    /// missing. ICE, SRTP, RTCP-port and non-audio lines are not forwarded. Without an audio stream in the
    /// template this is <see cref="CreateOffer"/>.
    /// </summary>
    public static SdpSession CreateOfferFrom(SdpSession template, SdpLocalMedia local)
    {
        var audioIndex = template.FindAudioIndex();
        if (audioIndex < 0)
        {
            return CreateOffer(local);
        }

        var source = template.Media[audioIndex];
        var codecs = source.GetCodecs();
        var formats = new List<string>(source.Formats);
        var attributes = new List<SdpAttribute>(source.Attributes.Count + 4);
        foreach (var attribute in source.Attributes)
        {
            var isDirection = attribute.Value is null && SdpDirections.TryParse(attribute.Name, out _);
            if (!isDirection && !s_notForwarded.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
            {
                attributes.Add(attribute);
            }
        }

        if (local.AddTranscodableG711)
        {
            var hasPcmu = FindSameFormat(codecs, SdpCodec.Pcmu) is not null;
            var hasPcma = FindSameFormat(codecs, SdpCodec.Pcma) is not null;
            if (hasPcmu != hasPcma)
            {
                AddCodec(hasPcmu ? SdpCodec.Pcma : SdpCodec.Pcmu, formats, attributes);
            }
        }

        if (local.TelephoneEvent && FindTelephoneEvent(codecs) is null)
        {
            var pt = FreeDynamicPayloadType(codecs, formats, SdpCodec.DefaultTelephoneEventPayloadType);
            AddCodec(SdpCodec.TelephoneEvent.WithPayloadType(pt), formats, attributes);
        }

        if (source.Ptime is null)
        {
            attributes.Add(new SdpAttribute(SdpAttribute.Ptime, local.Ptime.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var direction = RemoteDirection(template, source) & local.Direction;
        attributes.Add(new SdpAttribute(direction.ToAttributeName()));
        var media = new SdpMediaDescription(
            SdpMediaDescription.Audio, local.Port, null, SdpMediaDescription.RtpAvp, formats, null, [], attributes);
        return NewSession(local, [media]);
    }

    private static void AddCodec(SdpCodec codec, List<string> formats, List<SdpAttribute> attributes)
    {
        var format = codec.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (formats.Contains(format))
        {
            return;
        }

        formats.Add(format);
        attributes.Add(new SdpAttribute(SdpAttribute.RtpMap, codec.RtpMapValue));
        if (codec.Fmtp is { Length: > 0 } fmtp)
        {
            attributes.Add(new SdpAttribute(SdpAttribute.Fmtp, format + " " + fmtp));
        }
    }
}
