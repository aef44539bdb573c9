using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>RFC 4733 DTMF through legs over loopback UDP.</summary>
public sealed class DtmfTests
{
    [Fact]
    public async Task Sends_digits_as_RFC4733_events_that_decode_to_one_digit_each()
    {
        await using var rig = new MediaRig(new ManualTimeProvider());
        var leg = rig.Leg();
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu, telephoneEvent: 101));

        Assert.True(leg.SendDtmf("1#", 100));
        await rig.TickAsync(25);
        var packets = await phone.ReceiveManyAsync(16);
        Assert.Equal(0, phone.Pending);

        var firstDigit = packets.Take(8).ToList();
        Assert.All(packets, p => Assert.Equal(101, p.Header.PayloadType));
        Assert.All(firstDigit, p => Assert.Equal(firstDigit[0].Header.Timestamp, p.Header.Timestamp));
        Assert.Equal([true, false, false, false, false, false, false, false], firstDigit.Select(p => p.Header.Marker));
        var events = firstDigit.Select(p => { TelephoneEvent.TryParse(p.Payload, out var e); return e; }).ToList();
        Assert.Equal([160, 320, 480, 640, 800, 800, 800, 800], events.Select(e => (int)e.Duration));
        Assert.Equal([false, false, false, false, false, true, true, true], events.Select(e => e.End));
        Assert.All(events, e => Assert.Equal((1, 10), (e.Event, e.Volume)));
        for (var i = 1; i < packets.Count; i++)
        {
            Assert.Equal((ushort)(packets[0].Header.SequenceNumber + i), packets[i].Header.SequenceNumber);
        }

        Assert.True(packets[8].Header.Timestamp >= packets[0].Header.Timestamp + 800);
        var digits = new List<DtmfDigit>();
        var receiver = new TelephoneEventReceiver(digits.Add);
        foreach (var (header, payload) in packets)
        {
            receiver.Process(header.Timestamp, payload, 0);
        }

        Assert.Equal([new DtmfDigit('1', 800), new DtmfDigit('#', 800)], digits);
    }

    [Fact]
    public async Task Without_telephone_event_digits_are_sent_in_band()
    {
        await using var rig = new MediaRig(new ManualTimeProvider());
        var leg = rig.Leg();
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu));

        Assert.True(leg.SendDtmf("5", 100));
        Assert.False(leg.SendDtmf("xyz"));
        await rig.TickAsync(6);
        var packets = await phone.ReceiveManyAsync(5);

        Assert.All(packets, p => Assert.Equal(0, p.Header.PayloadType));
        var audio = MediaRig.Decode(G711Law.MuLaw, packets.Select(p => p.Payload));
        Assert.Equal(770, Goertzel.Strongest(audio, [697, 770, 852, 941]));
        Assert.Equal(1336, Goertzel.Strongest(audio, [1209, 1336, 1477, 1633]));
        Assert.Equal(0, phone.Pending);
    }

    [Fact]
    public async Task A_received_press_with_redundant_end_packets_is_reported_once()
    {
        await using var rig = new MediaRig();
        var observer = new RecordingObserver();
        var leg = rig.Leg("a", observer);
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu, telephoneEvent: 101));

        phone.SendPress(leg.LocalEndPoint, 101, '7', 960);
        phone.SendPress(leg.LocalEndPoint, 101, '*', 480);
        await MediaRig.WaitUntil(() => leg.GetStatistics().PacketsReceived == 5 + 3 + 2 + 3, () => $"all event packets, got {leg.GetStatistics()}");

        Assert.Equal([new DtmfDigit('7', 960, "RTP"), new DtmfDigit('*', 480, "RTP")], observer.Digits);
        Assert.Equal(2, leg.GetStatistics().DtmfDigitsReceived);
    }

    [Fact]
    public async Task Bridged_events_pass_through_with_the_other_legs_payload_type()
    {
        await using var rig = new MediaRig();
        var observerB = new RecordingObserver();
        var a = rig.Leg("a");
        var b = rig.Leg("b", observerB);
        var phoneA = rig.Phone();
        var phoneB = rig.Phone();
        a.Configure(MediaRig.Settings(phoneA.EndPoint, RtpCodec.Pcmu, telephoneEvent: 101));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcma, telephoneEvent: 96));
        MediaBridge.Connect(a, b);

        phoneA.SendPress(a.LocalEndPoint, 101, '3', 320);
        var relayed = await phoneB.ReceiveManyAsync(4);

        Assert.All(relayed, p => Assert.Equal((96, b.Ssrc), (p.Header.PayloadType, p.Header.Ssrc)));
        Assert.All(relayed, p => Assert.Equal(relayed[0].Header.Timestamp, p.Header.Timestamp));
        Assert.True(TelephoneEvent.TryParse(relayed[^1].Payload, out var end) && end.End && end.Event == 3);
        Assert.Empty(observerB.Digits);
    }

    [Fact]
    public async Task Regenerate_mode_sends_fresh_events_on_the_other_leg()
    {
        await using var rig = new MediaRig(new ManualTimeProvider());
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var phoneA = rig.Phone();
        var phoneB = rig.Phone();
        a.Configure(MediaRig.Settings(phoneA.EndPoint, RtpCodec.Pcmu, telephoneEvent: 101));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcmu, telephoneEvent: 100));
        MediaBridge.Connect(a, b, DtmfRelayMode.Regenerate);

        phoneA.SendPress(a.LocalEndPoint, 101, '9', 480);
        await MediaRig.WaitUntil(() => a.GetStatistics().DtmfDigitsReceived == 1, "the digit");
        Assert.Equal(0, phoneB.Pending);
        await rig.TickAsync(7);
        var regenerated = await phoneB.ReceiveManyAsync(6);

        Assert.All(regenerated, p => Assert.Equal(100, p.Header.PayloadType));
        Assert.True(TelephoneEvent.TryParse(regenerated[^1].Payload, out var end));
        Assert.Equal((9, true, (ushort)480), (end.Event, end.End, end.Duration));
    }
}
