using Switch.Media;

namespace Switch.Tests.Media;

public sealed class TelephoneEventReceiverTests
{
    private readonly List<DtmfDigit> _digits = [];
    private readonly TelephoneEventReceiver _receiver;

    public TelephoneEventReceiverTests() => _receiver = new TelephoneEventReceiver(_digits.Add);

    private static byte[] Payload(byte eventCode, bool end, ushort duration)
    {
        var payload = new byte[4];
        new TelephoneEvent(eventCode, end, 10, duration).WriteTo(payload);
        return payload;
    }

    /// <summary>The packets a sender emits for one press: growing durations, then the end packet three times.</summary>
    private static List<(uint Timestamp, byte[] Payload)> Press(byte eventCode, uint timestamp, ushort duration)
    {
        var packets = new List<(uint, byte[])>();
        for (var d = 160; d < duration; d += 160)
        {
            packets.Add((timestamp, Payload(eventCode, false, (ushort)d)));
        }

        for (var i = 0; i < 3; i++)
        {
            packets.Add((timestamp, Payload(eventCode, true, duration)));
        }

        return packets;
    }

    private void Feed(IEnumerable<(uint Timestamp, byte[] Payload)> packets, long now = 0)
    {
        foreach (var (timestamp, payload) in packets)
        {
            _receiver.Process(timestamp, payload, now);
        }
    }

    [Fact]
    public void One_press_with_three_end_packets_is_one_digit_with_its_duration()
    {
        Feed(Press(5, 1000, 800));

        var digit = Assert.Single(_digits);
        Assert.Equal(new DtmfDigit('5', 800, "RTP"), digit);
        Assert.Equal(TimeSpan.FromMilliseconds(100), digit.Duration);
    }

    [Fact]
    public void Reordered_packets_still_give_exactly_one_digit_per_press()
    {
        var first = Press(11, 1000, 640);
        var second = Press(11, 5000, 480);
        var mixed = new List<(uint, byte[])> { first[^1], first[0], first[2], second[1], first[1], first[^2], second[0], second[^1], second[2], second[^2], second[^3] };

        Feed(mixed);

        Assert.Equal(["#", "#"], _digits.Select(d => d.Digit.ToString()));
        Assert.Equal([640, 480], _digits.Select(d => d.DurationSamples));
    }

    [Fact]
    public void A_press_whose_end_packets_are_lost_is_reported_when_the_next_starts()
    {
        Feed(Press(1, 1000, 800).Where(p => TelephoneEvent.TryParse(p.Payload, out var e) && !e.End));
        Assert.Empty(_digits);

        Feed(Press(2, 3000, 320));

        Assert.Equal(["1", "2"], _digits.Select(d => d.Digit.ToString()));
        Assert.Equal(640, _digits[0].DurationSamples);
    }

    [Fact]
    public void A_press_whose_end_packets_are_lost_is_reported_after_the_quiet_timeout()
    {
        _receiver.Process(1000, Payload(12, false, 160), now: 100);
        _receiver.Process(1000, Payload(12, false, 320), now: 200);

        _receiver.CheckTimeout(now: 250, quiet: 100);
        Assert.Empty(_digits);
        _receiver.CheckTimeout(now: 300, quiet: 100);
        _receiver.CheckTimeout(now: 400, quiet: 100);

        Assert.Equal(new DtmfDigit('A', 320), Assert.Single(_digits));
        Assert.False(_receiver.IsEventActive);
    }

    [Fact]
    public void Late_packets_of_an_older_event_are_ignored()
    {
        var first = Press(3, 1000, 480);
        Feed(first);
        Feed(Press(4, 2000, 480).Take(1));

        Feed([first[0], (900u, Payload(9, false, 160))]);
        Feed(Press(4, 2000, 480));

        Assert.Equal(["3", "4"], _digits.Select(d => d.Digit.ToString()));
    }

    [Fact]
    public void Short_payloads_and_unknown_events_report_nothing()
    {
        _receiver.Process(1, [1, 2, 3], 0);
        Feed(Press(200, 10, 320));

        Assert.Empty(_digits);
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('d', 15)]
    [InlineData('F', 16)]
    public void Maps_digits_to_event_codes_both_ways(char digit, int code)
    {
        Assert.True(TelephoneEvent.TryGetEventCode(digit, out var eventCode));
        Assert.Equal(code, eventCode);
        Assert.Equal(char.ToUpperInvariant(digit), TelephoneEvent.ToDigit(eventCode));
    }

    [Fact]
    public void Event_payload_round_trips()
    {
        var payload = new byte[4];
        new TelephoneEvent(11, true, 63, 65535).WriteTo(payload);

        Assert.Equal(new byte[] { 11, 0xBF, 0xFF, 0xFF }, payload);
        Assert.True(TelephoneEvent.TryParse(payload, out var parsed));
        Assert.Equal(new TelephoneEvent(11, true, 63, 65535), parsed);
        Assert.False(TelephoneEvent.TryGetEventCode('x', out _));
    }
}
