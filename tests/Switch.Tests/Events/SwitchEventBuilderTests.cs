using Switch.Events;
using Switch.Tests.Support;

namespace Switch.Tests.Events;

public sealed class SwitchEventBuilderTests
{
    private static readonly SwitchIdentity Identity = new("4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b", "sw1", "sw1", "192.0.2.10", "::1");

    private static KeyValuePair<string, string>[] Own(SwitchEvent e) => e.Headers.Skip(EventBus.StandardHeaderCount).ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    public void Headers_added_past_the_first_array_keep_their_order(int count)
    {
        var builder = new SwitchEventBuilder("HEARTBEAT");
        for (var i = 0; i < count; i++)
        {
            builder.Add($"H{i}", i);
        }

        var e = new EventBus(Identity, new ManualTimeProvider()).Publish(builder);

        Assert.Equal(Enumerable.Range(0, count).Select(i => new KeyValuePair<string, string>($"H{i}", $"{i}")), Own(e));
        Assert.Equal(EventBus.StandardHeaderCount + count, e.HeaderCount);
        Assert.Equal(Own(e), builder.OwnHeaders);
    }

    [Fact]
    public void Blocks_go_between_the_headers_added_before_and_after_them_and_are_shared_not_copied()
    {
        KeyValuePair<string, string>[] block = [new("B1", "x"), new("B2", "y")];
        var bus = new EventBus(Identity, new ManualTimeProvider());
        var first = new SwitchEventBuilder("CHANNEL_STATE", null, 1, "f.cs", "F", 1).Add("Lead", "1");
        first.ReserveParts(2);
        first.AddBlock(block).AddBlock([]).Add("Trail", "2").Add("Trail2", "3");
        var second = new SwitchEventBuilder("CHANNEL_STATE").AddBlock(block);

        var e1 = bus.Publish(first);
        var e2 = bus.Publish(second);

        Assert.Equal(["Lead", "B1", "B2", "Trail", "Trail2"], Own(e1).Select(h => h.Key));
        Assert.Equal(["B1", "B2"], Own(e2).Select(h => h.Key));
        Assert.Contains(e1.HeaderParts, p => p.Span == block.AsSpan());
        Assert.Contains(e2.HeaderParts, p => p.Span == block.AsSpan());
        Assert.Equal("3", e1.GetHeader("Trail2"));
        Assert.Equal("y", e2.GetHeader("B2"));
    }

    [Fact]
    public void A_builder_published_twice_leaves_the_first_event_as_it_was()
    {
        var bus = new EventBus(Identity, new ManualTimeProvider());
        var builder = new SwitchEventBuilder("CUSTOM", "x::y").Add("A", "1");
        var e1 = bus.Publish(builder);
        var before = e1.Headers.ToArray();
        builder.Add("B", "2");

        var e2 = bus.Publish(builder);

        Assert.Equal("1", e1.GetHeader("Event-Sequence"));
        Assert.Equal("2", e2.GetHeader("Event-Sequence"));
        Assert.Equal(before, new SwitchEvent(e1.Name, e1.Subclass, 1, e1.Timestamp, e1.HeaderParts, null, null).Headers);
        Assert.Equal(["A"], Own(e1).Skip(1).Select(h => h.Key));
        Assert.Equal(["A", "B"], Own(e2).Skip(1).Select(h => h.Key));
    }

    [Fact]
    public void Calling_file_is_the_file_name_of_the_caller_path()
    {
        Assert.Equal("Call.States.cs", new SwitchEventBuilder("X", null, "/src/Switch/Calls/Call.States.cs").CallingFile);
        Assert.Equal("SwitchEventBuilderTests.cs", new SwitchEventBuilder("X").CallingFile);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    [InlineData(8191)]
    [InlineData(8192)]
    [InlineData(-1)]
    public void Calling_line_numbers_are_their_decimal_text(int line)
    {
        var e = new EventBus(Identity, new ManualTimeProvider()).Publish(new SwitchEventBuilder("X", null, "f.cs", "F", line));
        Assert.Equal(line.ToString(System.Globalization.CultureInfo.InvariantCulture), e.GetHeader("Event-Calling-Line-Number"));
    }
}
