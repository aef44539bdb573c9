using Switch.Calls;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Calls;

/// <summary>The show-channels row: taken again only when something it shows changed.</summary>
public sealed class ChannelSnapshotTests
{
    private static Channel NewChannel() =>
        new("4d2c8a4e-0000-4000-8000-000000000001", "sofia/internal/1000@192.0.2.10", CallDirection.Inbound,
            new CallerProfile { CallerIdNumber = "1000", DestinationNumber = "5000", CreatedTime = 1_741_083_625_000_000 }, new FakeSignaling("a"));

    [Fact]
    public void An_unchanged_channel_keeps_its_row()
    {
        var channel = NewChannel();
        var first = ChannelSnapshot.Of(channel);
        Assert.Same(first, ChannelSnapshot.Of(channel, first));
    }

    [Fact]
    public void A_change_of_state_variable_or_bridge_gives_a_new_row()
    {
        var channel = NewChannel();
        var first = ChannelSnapshot.Of(channel);

        channel.SetState(ChannelState.Execute);
        var second = ChannelSnapshot.Of(channel, first);
        Assert.NotSame(first, second);
        Assert.Equal("CS_EXECUTE", second.State);
        Assert.Equal("CS_NEW", first.State);

        channel.Variables.Set("presence_id", "1000@192.0.2.10");
        var third = ChannelSnapshot.Of(channel, second);
        Assert.Equal("1000@192.0.2.10", third.PresenceId);
        Assert.Null(second.PresenceId);

        var peer = NewChannel();
        channel.BridgedTo = peer;
        Assert.Equal(peer.Uuid, ChannelSnapshot.Of(channel, third).BridgedTo);
    }

    [Fact]
    public void Codec_and_account_columns_change_the_row_only_when_they_change()
    {
        var channel = NewChannel();
        var first = ChannelSnapshot.Of(channel);
        Assert.Null(first.ReadCodec);

        channel.ReadCodecName = "PCMA";
        channel.ReadCodecRate = 8000;
        var second = ChannelSnapshot.Of(channel, first);
        Assert.NotSame(first, second);
        Assert.Equal(("PCMA", 8000, 0), (second.ReadCodec, second.ReadRate, second.WriteRate));
        Assert.Same(second, ChannelSnapshot.Of(channel, second));

        channel.Variables.Set("accountcode", "sales");
        var third = ChannelSnapshot.Of(channel, second);
        Assert.Equal(("sales", "PCMA"), (third.AccountCode, third.ReadCodec));
        Assert.Null(second.AccountCode);
    }

    [Fact]
    public void The_fixed_columns_come_from_the_channel()
    {
        var row = ChannelSnapshot.Of(NewChannel());
        Assert.Equal(("inbound", "sofia/internal/1000@192.0.2.10", "1000", "5000", 1_741_083_625_000_000L),
            (row.Direction, row.Name, row.CallerIdNumber, row.DestinationNumber, row.CreatedMicros));
    }
}
