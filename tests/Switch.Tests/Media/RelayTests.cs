using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>Two legs relaying over real loopback UDP sockets.</summary>
public sealed class RelayTests
{
    [Fact]
    public async Task Relays_both_ways_sending_to_the_SDP_address_until_packets_latch_another_source()
    {
        await using var rig = new MediaRig();
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var phoneA = rig.Phone(0xAAAA0001);
        var phoneBSdp = rig.Phone();
        var phoneB = rig.Phone(0xBBBB0001);
        a.Configure(MediaRig.Settings(phoneA.EndPoint, RtpCodec.Pcmu));
        b.Configure(MediaRig.Settings(phoneBSdp.EndPoint, RtpCodec.Pcmu));
        var bridge = MediaBridge.Connect(a, b);
        var payload = MediaRig.Tone(G711Law.MuLaw, 1000);

        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        var first = await phoneBSdp.ReceiveAsync();

        Assert.Equal(b.LocalEndPoint, first.From);
        Assert.Equal((0, b.Ssrc, true), (first.Header.PayloadType, first.Header.Ssrc, first.Header.Marker));
        Assert.Equal(payload, first.Payload);
        Assert.True(a.IsLatched);
        Assert.False(b.IsLatched);

        phoneB.SendAudio(b.LocalEndPoint, 0, payload);
        var back = await phoneA.ReceiveAsync();
        Assert.Equal((a.LocalEndPoint, a.Ssrc), (back.From, back.Header.Ssrc));
        Assert.Equal(phoneB.EndPoint, b.RemoteEndPoint);

        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        var second = await phoneB.ReceiveAsync();
        Assert.Equal((ushort)(first.Header.SequenceNumber + 1), second.Header.SequenceNumber);
        Assert.Equal(first.Header.Timestamp + 160, second.Header.Timestamp);
        Assert.False(second.Header.Marker);
        Assert.Equal(0, phoneBSdp.Pending);
        Assert.True(bridge.CanRelayAudio);
        Assert.False(bridge.IsTranscoding);

        var statsA = a.GetStatistics();
        var statsB = b.GetStatistics();
        Assert.Equal((2, 2 * 172L, 1), (statsA.PacketsReceived, statsA.BytesReceived, statsA.PacketsSent));
        Assert.Equal((1, 2), (statsB.PacketsReceived, statsB.PacketsSent));
        Assert.True(statsB.IsLatched);
        Assert.Equal(0, statsA.PacketsLost);
    }

    [Fact]
    public async Task A_latched_leg_ignores_other_sources_until_the_latched_one_goes_quiet()
    {
        var time = new ManualTimeProvider();
        await using var rig = new MediaRig(time);
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var phoneA = rig.Phone();
        var intruder = rig.Phone(0x66666666);
        var phoneB = rig.Phone();
        a.Configure(MediaRig.Settings(phoneA.EndPoint, RtpCodec.Pcmu));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcmu));
        MediaBridge.Connect(a, b);
        var payload = MediaRig.Tone(G711Law.MuLaw, 500);

        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        await phoneB.ReceiveAsync();
        intruder.SendAudio(a.LocalEndPoint, 0, payload);
        await MediaRig.WaitUntil(() => a.GetStatistics().PacketsDropped == 1, "the intruder's packet to be dropped");
        Assert.Equal(phoneA.EndPoint, a.RemoteEndPoint);

        time.Advance(TimeSpan.FromSeconds(1.5));
        intruder.SendAudio(a.LocalEndPoint, 0, payload);
        var relayed = await phoneB.ReceiveAsync();

        Assert.Equal(intruder.EndPoint, a.RemoteEndPoint);
        Assert.True(relayed.Header.Marker);
    }

    [Fact]
    public async Task Transcodes_PCMU_to_PCMA_and_back_end_to_end()
    {
        await using var rig = new MediaRig();
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var phoneA = rig.Phone();
        var phoneB = rig.Phone();
        a.Configure(MediaRig.Settings(phoneA.EndPoint, RtpCodec.Pcmu));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcma));
        var bridge = MediaBridge.Connect(a, b);
        Assert.True(bridge.IsTranscoding);

        var sent = new List<byte[]>();
        for (var i = 0; i < 25; i++)
        {
            sent.Add(MediaRig.Tone(G711Law.MuLaw, 1000, 160, i * 160));
            phoneA.SendAudio(a.LocalEndPoint, 0, sent[^1]);
        }

        var received = await phoneB.ReceiveManyAsync(25);

        Assert.All(received, p => Assert.Equal(8, p.Header.PayloadType));
        for (var i = 0; i < sent.Count; i++)
        {
            var expected = new byte[160];
            G711.MuLawToALaw(sent[i], expected);
            Assert.Equal(expected, received[i].Payload);
        }

        Assert.True(Goertzel.RelativePower(MediaRig.Decode(G711Law.ALaw, received.Select(p => p.Payload)), 1000) > 0.9);

        var aLaw = MediaRig.Tone(G711Law.ALaw, 300);
        phoneB.SendAudio(b.LocalEndPoint, 8, aLaw);
        var back = await phoneA.ReceiveAsync();
        var expectedMu = new byte[160];
        G711.ALawToMuLaw(aLaw, expectedMu);
        Assert.Equal(0, back.Header.PayloadType);
        Assert.Equal(expectedMu, back.Payload);
    }

    [Fact]
    public async Task Passes_a_shared_non_G711_codec_through_with_the_other_legs_payload_type()
    {
        await using var rig = new MediaRig();
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var c = rig.Leg("c");
        var phoneA = rig.Phone();
        var phoneB = rig.Phone();
        a.Configure(MediaRig.Settings(phoneA.EndPoint, new RtpCodec(96, "opus", 48000)));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, new RtpCodec(111, "OPUS", 48000)));
        c.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcmu));

        var bridge = MediaBridge.Connect(a, b);
        phoneA.SendAudio(a.LocalEndPoint, 96, [1, 2, 3, 4, 5]);
        var relayed = await phoneB.ReceiveAsync();

        Assert.Equal(111, relayed.Header.PayloadType);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, relayed.Payload);
        Assert.True(bridge.CanRelayAudio);
        var impossible = MediaBridge.Connect(a, c);
        Assert.False(bridge.IsConnected);
        Assert.False(impossible.CanRelayAudio);
        phoneA.SendAudio(a.LocalEndPoint, 96, [1, 2, 3]);
        await MediaRig.WaitUntil(() => a.GetStatistics().PacketsDropped == 1, "the untranslatable packet to be dropped");
    }

    [Fact]
    public async Task Echo_sends_the_far_ends_audio_back_to_it_until_stopped_and_a_bridge_ends_it()
    {
        await using var rig = new MediaRig();
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var phoneA = rig.Phone();
        var phoneB = rig.Phone();
        a.Configure(MediaRig.Settings(phoneA.EndPoint, RtpCodec.Pcmu));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcmu));
        var payload = MediaRig.Tone(G711Law.MuLaw, 800);

        a.StartEcho();
        Assert.True(a.IsEchoing);
        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        var echoed = await phoneA.ReceiveAsync();
        Assert.Equal((0, a.Ssrc), (echoed.Header.PayloadType, echoed.Header.Ssrc));

        a.StopEcho();
        Assert.False(a.IsEchoing);
        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        await MediaRig.WaitUntil(() => a.GetStatistics().PacketsReceived == 2, "the packet after echo stopped");
        Assert.Equal(1, a.GetStatistics().PacketsSent);

        a.StartEcho();
        MediaBridge.Connect(a, b);
        Assert.False(a.IsEchoing);
        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        await phoneB.ReceiveAsync();
        Assert.Equal(0, phoneA.Pending);
    }

    [Fact]
    public async Task Unbridge_stops_the_relay_and_rebridge_sends_to_the_new_leg()
    {
        await using var rig = new MediaRig();
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var c = rig.Leg("c");
        var phoneA = rig.Phone();
        var phoneB = rig.Phone();
        var phoneC = rig.Phone();
        a.Configure(MediaRig.Settings(phoneA.EndPoint, RtpCodec.Pcmu));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcmu));
        c.Configure(MediaRig.Settings(phoneC.EndPoint, RtpCodec.Pcma));
        var payload = MediaRig.Tone(G711Law.MuLaw, 800);

        var first = MediaBridge.Connect(a, b);
        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        await phoneB.ReceiveAsync();

        first.Disconnect();
        first.Disconnect();
        Assert.Null(a.Bridge);
        Assert.Null(b.Bridge);
        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        await MediaRig.WaitUntil(() => a.GetStatistics().PacketsReceived == 2, "the unbridged packet");

        var second = MediaBridge.Connect(a, c);
        Assert.Same(second, a.Bridge);
        Assert.Same(a, second.Other(c));
        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        var atC = await phoneC.ReceiveAsync();

        Assert.Equal((8, c.Ssrc), (atC.Header.PayloadType, atC.Header.Ssrc));
        Assert.Equal(0, phoneB.Pending);
        Assert.Equal(1, b.GetStatistics().PacketsSent);
        Assert.Throws<ArgumentException>(() => MediaBridge.Connect(a, a));
    }

    [Fact]
    public async Task A_leg_on_hold_receives_nothing_and_a_new_SDP_address_drops_the_latch()
    {
        await using var rig = new MediaRig();
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var phoneA = rig.Phone();
        var phoneB = rig.Phone();
        var phoneB2 = rig.Phone();
        a.Configure(MediaRig.Settings(phoneA.EndPoint, RtpCodec.Pcmu));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcmu, send: false));
        MediaBridge.Connect(a, b);
        var payload = MediaRig.Tone(G711Law.MuLaw, 800);

        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        await MediaRig.WaitUntil(() => a.GetStatistics().PacketsReceived == 1, "the packet");
        Assert.Equal(0, b.GetStatistics().PacketsSent);

        phoneB.SendAudio(b.LocalEndPoint, 0, payload);
        await phoneA.ReceiveAsync();
        Assert.True(b.IsLatched);
        b.Configure(MediaRig.Settings(phoneB2.EndPoint, RtpCodec.Pcmu));
        Assert.False(b.IsLatched);

        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        var resumed = await phoneB2.ReceiveAsync();
        Assert.Equal(b.Ssrc, resumed.Header.Ssrc);
    }

    [Fact]
    public async Task Counts_loss_and_jitter_per_RFC_3550()
    {
        var time = new ManualTimeProvider();
        await using var rig = new MediaRig(time);
        var a = rig.Leg("a");
        var phone = rig.Phone();
        a.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu));
        var payload = new byte[160];

        var count = 0;
        foreach (var sequence in new ushort[] { 10, 11, 12, 14, 15, 16 })
        {
            phone.SendRaw(a.LocalEndPoint, 0, (uint)(sequence * 160), payload, sequence: sequence);
            var expected = ++count;
            await MediaRig.WaitUntil(() => a.GetStatistics().PacketsReceived == expected, "the packet");
            time.Advance(TimeSpan.FromMilliseconds(sequence == 12 ? 60 : 20));
        }

        var stats = a.GetStatistics();

        Assert.Equal((7, 1), (stats.PacketsExpected, stats.PacketsLost));
        Assert.Equal(1.0 / 7, stats.LossFraction, 6);

        // Arrival gaps of 20 ms match the timestamps except one 60 ms gap for 40 ms of media (D = 160 units):
        // J = 160/16 = 10 units = 1.25 ms, then decays by 15/16 for the next two packets.
        Assert.Equal(10.0 * 15 / 16 * 15 / 16 / 8, stats.JitterMs, 0.01);
        Assert.Equal(0, stats.PacketsDropped);
        Assert.NotNull(stats.SinceLastPacket);
    }

    [Fact]
    public async Task Port_exhaustion_is_reported_and_released_ports_are_reused()
    {
        await using var rig = new MediaRig(pairs: 2);
        var first = rig.Leg("1");
        rig.Leg("2");

        Assert.False(rig.Engine.TryCreateLeg("3", null, out var none, out var error));
        Assert.Null(none);
        Assert.Equal(MediaLegError.PortsExhausted, error);

        var port = first.LocalPort;
        await first.DisposeAsync();
        var again = rig.Leg("4");
        Assert.Equal(port, again.LocalPort);
        Assert.Equal(0, again.LocalPort % 2);
        Assert.Equal(port + 1, again.Ports.RtcpPort);
        Assert.Equal(2, rig.Engine.LegCount);
    }

    [Fact]
    public void Settings_map_from_an_SDP_negotiation()
    {
        var result = Switch.Sdp.SdpOfferAnswer.CreateAnswer(
            Switch.Tests.Sdp.SdpFixtures.Parse(Switch.Tests.Sdp.SdpFixtures.XLiteOffer),
            new Switch.Sdp.SdpLocalMedia("127.0.0.1", 4000));

        var settings = MediaLegSettings.FromSdp(result.Audio!);

        Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("10.240.80.69"), 64836), settings.Remote);
        Assert.Equal(((byte)8, (G711Law?)G711Law.ALaw, (byte?)101, true), (settings.Codec.PayloadType, settings.Codec.Law, settings.TelephoneEventPayloadType, settings.Send));
    }
}
