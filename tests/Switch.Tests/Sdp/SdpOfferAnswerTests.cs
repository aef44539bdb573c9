using Switch.Sdp;

namespace Switch.Tests.Sdp;

public sealed class SdpOfferAnswerTests
{
    private static readonly SdpLocalMedia s_local = new("192.0.2.10", 20000) { SessionId = "1000" };

    private static SdpSession Offer(string mediaLines, string connection = "198.51.100.7") =>
        SdpFixtures.Parse($"v=0\r\no=- 42 1 IN IP4 {connection}\r\ns=-\r\nc=IN IP4 {connection}\r\nt=0 0\r\n{mediaLines}");

    [Fact]
    public void Answers_the_seed_offer_with_the_first_G711_codec_in_the_offerers_order_and_telephone_event()
    {
        var result = SdpOfferAnswer.CreateAnswer(SdpFixtures.Parse(SdpFixtures.XLiteOffer), s_local);

        Assert.True(result.IsSuccess);
        Assert.Equal(
            "v=0\r\n" +
            "o=Switch 1000 1001 IN IP4 192.0.2.10\r\n" +
            "s=Switch\r\n" +
            "c=IN IP4 192.0.2.10\r\n" +
            "t=0 0\r\n" +
            "m=audio 20000 RTP/AVP 8 101\r\n" +
            "a=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\n" +
            "a=fmtp:101 0-15\r\n" +
            "a=ptime:20\r\n" +
            "a=sendrecv\r\n",
            result.Session!.ToString());
        var audio = result.Audio;
        Assert.Equal("10.240.80.69", audio.RemoteAddress);
        Assert.Equal(64836, audio.RemotePort);
        Assert.Equal("PCMA", audio.Codec.EncodingName);
        Assert.Equal(8, audio.ReceivePayloadType);
        Assert.Equal(101, audio.TelephoneEvent!.PayloadType);
        Assert.Equal(101, audio.ReceiveTelephoneEventPayloadType);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.False(audio.RemoteHold);
    }

    [Fact]
    public void Follows_the_offerers_order_between_supported_codecs()
    {
        var pcmuFirst = SdpOfferAnswer.CreateAnswer(Offer("m=audio 4000 RTP/AVP 0 8\r\n"), s_local);
        var pcmaFirst = SdpOfferAnswer.CreateAnswer(Offer("m=audio 4000 RTP/AVP 8 0\r\n"), s_local);

        Assert.Equal(0, pcmuFirst.Audio!.Codec.PayloadType);
        Assert.Equal(8, pcmaFirst.Audio!.Codec.PayloadType);
        Assert.Null(pcmuFirst.Audio.TelephoneEvent);
        Assert.Equal(["0"], pcmuFirst.Session!.Media[0].Formats);
    }

    [Fact]
    public void Passes_a_codec_through_only_when_the_other_leg_shares_it()
    {
        var offer = SdpFixtures.Parse(SdpFixtures.XLiteOffer);
        var g722 = new SdpCodec(9, "G722", 8000);

        var plain = SdpOfferAnswer.CreateAnswer(offer, s_local);
        var shared = SdpOfferAnswer.CreateAnswer(offer, s_local with { PreferredCodec = g722 });
        var notOffered = SdpOfferAnswer.CreateAnswer(Offer("m=audio 4000 RTP/AVP 0\r\n"), s_local with { PreferredCodec = g722 });

        Assert.Equal("PCMA", plain.Audio!.Codec.EncodingName);
        Assert.Equal("G722", shared.Audio!.Codec.EncodingName);
        Assert.Equal(["9", "101"], shared.Session!.Media[0].Formats);
        Assert.Equal("PCMU", notOffered.Audio!.Codec.EncodingName);
    }

    [Fact]
    public void No_common_codec_fails_with_a_488_reason()
    {
        var result = SdpOfferAnswer.CreateAnswer(Offer("m=audio 4000 RTP/AVP 18 101\r\na=rtpmap:101 telephone-event/8000\r\n"), s_local);

        Assert.False(result.IsSuccess);
        Assert.Equal(SdpNegotiationError.NoCommonCodec, result.Error);
        Assert.Null(result.Session);
        Assert.Equal(488, SdpNegotiationResult.NotAcceptableHere);
    }

    [Theory]
    [InlineData("m=video 4000 RTP/AVP 96\r\n")]
    [InlineData("m=audio 4000 RTP/SAVP 0\r\n")]
    [InlineData("m=audio 0 RTP/AVP 0\r\n")]
    public void Offers_without_a_usable_audio_stream_fail(string media)
    {
        var result = SdpOfferAnswer.CreateAnswer(Offer(media), s_local);

        Assert.Equal(SdpNegotiationError.NoAudioStream, result.Error);
    }

    [Theory]
    [InlineData("a=sendonly\r\n", "198.51.100.7", "recvonly", nameof(SdpDirection.RecvOnly))]
    [InlineData("a=inactive\r\n", "198.51.100.7", "inactive", nameof(SdpDirection.Inactive))]
    [InlineData("a=recvonly\r\n", "198.51.100.7", "sendonly", nameof(SdpDirection.SendOnly))]
    [InlineData("", "0.0.0.0", "recvonly", nameof(SdpDirection.RecvOnly))]
    [InlineData("a=sendonly\r\n", "0.0.0.0", "recvonly", nameof(SdpDirection.RecvOnly))]
    public void Answers_hold_offers(string directionLine, string address, string answered, string ours)
    {
        var result = SdpOfferAnswer.CreateAnswer(Offer("m=audio 4000 RTP/AVP 0\r\n" + directionLine, address), s_local);

        Assert.True(result.IsSuccess);
        Assert.Equal(answered, result.Session!.Media[0].Attributes[^1].Name);
        Assert.Equal(ours, result.Audio.Direction.ToString());
        Assert.True(result.Audio.RemoteHold);
        Assert.Equal(address == "0.0.0.0" ? null : address, result.Audio.RemoteAddress);
        Assert.Equal("192.0.2.10", result.Session.Connection!.Address);
    }

    [Fact]
    public void Session_level_direction_applies_and_local_hold_narrows_the_answer()
    {
        var offer = SdpFixtures.Parse("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\na=sendonly\r\nm=audio 4000 RTP/AVP 0\r\n");
        var sendRecvOffer = Offer("m=audio 4000 RTP/AVP 0\r\n");

        Assert.Equal(SdpDirection.RecvOnly, SdpOfferAnswer.CreateAnswer(offer, s_local).Audio!.Direction);
        Assert.Equal(SdpDirection.SendOnly, SdpOfferAnswer.CreateAnswer(sendRecvOffer, s_local with { Direction = SdpDirection.SendOnly }).Audio!.Direction);
    }

    [Fact]
    public void Keeps_the_offers_dynamic_telephone_event_number_and_rejects_other_streams()
    {
        var offer = Offer(
            "m=audio 4000 RTP/AVP 0 96\r\na=rtpmap:96 telephone-event/8000\r\n" +
            "m=video 5000 RTP/AVP 97\r\na=rtpmap:97 H264/90000\r\n" +
            "m=audio 6000 RTP/AVP 8\r\n");

        var result = SdpOfferAnswer.CreateAnswer(offer, s_local);

        Assert.True(result.IsSuccess);
        var media = result.Session!.Media;
        Assert.Equal(3, media.Count);
        Assert.Equal(["0", "96"], media[0].Formats);
        Assert.Contains(new SdpAttribute("fmtp", "96 0-16"), media[0].Attributes);
        Assert.Equal((0, "97"), (media[1].Port, media[1].Formats[0]));
        Assert.Equal(0, media[2].Port);
        Assert.Equal(96, result.Audio.TelephoneEvent!.PayloadType);
    }

    [Fact]
    public void Session_version_increments_only_when_the_answer_changes()
    {
        var offer = Offer("m=audio 4000 RTP/AVP 0\r\n");
        var first = SdpOfferAnswer.CreateAnswer(offer, s_local with { SessionId = null }).Session!;

        var same = SdpOfferAnswer.CreateAnswer(offer, s_local with { SessionId = null, Previous = first }).Session!;
        var held = SdpOfferAnswer.CreateAnswer(Offer("m=audio 4000 RTP/AVP 0\r\na=sendonly\r\n"), s_local with { Previous = same }).Session!;
        var again = SdpOfferAnswer.CreateAnswer(offer, s_local with { Previous = held }).Session!;

        Assert.Equal(first.Origin, same.Origin);
        Assert.Equal(first.Origin.SessionId, held.Origin.SessionId);
        Assert.Equal(first.Origin.SessionVersion + 1, held.Origin.SessionVersion);
        Assert.Equal(first.Origin.SessionVersion + 2, again.Origin.SessionVersion);
        Assert.True(first.ContentEquals(again));
    }

    [Fact]
    public void Fresh_offer_lists_the_switch_codecs_and_telephone_event()
    {
        var offer = SdpOfferAnswer.CreateOffer(s_local);

        Assert.Equal(
            "v=0\r\no=Switch 1000 1001 IN IP4 192.0.2.10\r\ns=Switch\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
            "m=audio 20000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n",
            offer.ToString());
        var ip6 = SdpOfferAnswer.CreateOffer(new SdpLocalMedia("2001:db8::1", 30000) { TelephoneEvent = false });
        Assert.Equal(new SdpConnection("IN", "IP6", "2001:db8::1"), ip6.Connection);
        Assert.Equal(["0", "8"], ip6.Media[0].Formats);
    }

    [Fact]
    public void Offer_for_the_b_leg_copies_the_a_leg_codecs_with_the_switch_address()
    {
        var offer = SdpOfferAnswer.CreateOfferFrom(SdpFixtures.Parse(SdpFixtures.XLiteOffer), s_local);

        var media = Assert.Single(offer.Media);
        Assert.Equal(20000, media.Port);
        Assert.Null(media.Connection);
        Assert.Equal("192.0.2.10", offer.Connection!.Address);
        Assert.Equal("192.0.2.10", offer.Origin.Address);
        Assert.Equal(["9", "8", "120", "0", "84", "101"], media.Formats);
        Assert.Equal("useinbandfec=1; usedtx=1; maxaveragebitrate=64000", media.GetCodecs()[2].Fmtp);
        Assert.Equal(SdpDirection.SendRecv, media.Direction);
        Assert.Equal(20, media.Ptime);
    }

    [Fact]
    public void Offer_for_the_b_leg_adds_the_other_G711_law_and_telephone_event_and_drops_transport_lines()
    {
        var template = SdpFixtures.Parse(
            "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n" +
            "m=audio 4000 RTP/AVP 0\r\na=rtcp:4001\r\na=ice-ufrag:abc\r\na=candidate:1 1 UDP 1 1.2.3.4 4000 typ host\r\n" +
            "a=ptime:30\r\na=sendrecv\r\nm=video 5000 RTP/AVP 96\r\n");

        var offer = SdpOfferAnswer.CreateOfferFrom(template, s_local);

        var media = Assert.Single(offer.Media);
        Assert.Equal(["0", "8", "101"], media.Formats);
        Assert.DoesNotContain(media.Attributes, a => a.Name is "rtcp" or "ice-ufrag" or "candidate");
        Assert.Equal(30, media.Ptime);
        Assert.Equal(SdpDirection.SendOnly, media.Direction);
        var noTranscode = SdpOfferAnswer.CreateOfferFrom(template, s_local with { AddTranscodableG711 = false, TelephoneEvent = false });
        Assert.Equal(["0"], noTranscode.Media[0].Formats);
    }

    [Fact]
    public void Processes_the_seed_answer_to_a_b_leg_offer()
    {
        var ourOffer = SdpOfferAnswer.CreateOfferFrom(SdpFixtures.Parse(SdpFixtures.FreeSwitchOffer), s_local);

        var result = SdpOfferAnswer.ProcessAnswer(ourOffer, SdpFixtures.Parse(SdpFixtures.XLiteAnswer));

        Assert.True(result.IsSuccess);
        Assert.Equal("G722", result.Audio.Codec.EncodingName);
        Assert.Equal(("10.240.80.146", 59974), (result.Audio.RemoteAddress, result.Audio.RemotePort));
        Assert.Equal(101, result.Audio.TelephoneEvent!.PayloadType);
        Assert.Equal(SdpDirection.SendRecv, result.Audio.Direction);
    }

    [Fact]
    public void Answer_payload_numbers_are_used_for_sending_and_ours_for_receiving()
    {
        var ourOffer = SdpOfferAnswer.CreateOffer(s_local);
        var answer = Offer("m=audio 7000 RTP/AVP 8 96\r\na=rtpmap:96 telephone-event/8000\r\na=sendonly\r\n");

        var result = SdpOfferAnswer.ProcessAnswer(ourOffer, answer);

        Assert.Equal(8, result.Audio!.Codec.PayloadType);
        Assert.Equal(8, result.Audio.ReceivePayloadType);
        Assert.Equal(96, result.Audio.TelephoneEvent!.PayloadType);
        Assert.Equal(101, result.Audio.ReceiveTelephoneEventPayloadType);
        Assert.Equal(SdpDirection.RecvOnly, result.Audio.Direction);
        Assert.True(result.Audio.RemoteHold);
    }

    [Theory]
    [InlineData("m=audio 0 RTP/AVP 0\r\n", nameof(SdpNegotiationError.NoCommonCodec))]
    [InlineData("m=audio 7000 RTP/AVP 18\r\n", nameof(SdpNegotiationError.InvalidAnswer))]
    [InlineData("", nameof(SdpNegotiationError.InvalidAnswer))]
    public void Bad_answers_fail(string media, string expected)
    {
        var result = SdpOfferAnswer.ProcessAnswer(SdpOfferAnswer.CreateOffer(s_local), Offer(media));

        Assert.Equal(expected, result.Error.ToString());
    }

    [Fact]
    public void Anchoring_rewrites_address_and_port_and_bypass_passes_through()
    {
        var remote = SdpFixtures.Parse(SdpFixtures.XLiteAnswer);

        var anchored = SdpRewriter.ForOtherLeg(remote, SdpMediaMode.Anchored, "192.0.2.10", 20002);
        var bypass = SdpRewriter.ForOtherLeg(remote, SdpMediaMode.Bypass, "192.0.2.10", 20002);

        Assert.Same(remote, bypass);
        Assert.Equal(
            SdpFixtures.XLiteAnswer
                .Replace("10.240.80.146", "192.0.2.10", StringComparison.Ordinal)
                .Replace("59974", "20002", StringComparison.Ordinal),
            anchored.ToString());
        var next = SdpRewriter.AnchorTo(remote with { Media = [remote.Media[0] with { Port = 1 }] }, "192.0.2.10", 20004, anchored);
        Assert.Equal(anchored.Origin.SessionVersion + 1, next.Origin.SessionVersion);
        Assert.Same(anchored, SdpRewriter.AnchorTo(remote, "192.0.2.10", 20002, anchored));
    }
}
