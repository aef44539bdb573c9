using Switch.Calls;
using Switch.Events;
using Switch.Tests.Calls.Fakes;
using Switch.Tests.Support;

namespace Switch.Tests.Calls;

public sealed class ChannelEventsTests
{
    private static Channel NewChannel(string uuid = "8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f")
    {
        var profile = new CallerProfile
        {
            Username = "1000",
            Dialplan = "XML",
            CallerIdName = "Alice",
            CallerIdNumber = "1000",
            NetworkAddr = "192.0.2.55",
            DestinationNumber = "5000",
            Source = "mod_sofia",
            Context = "default",
            ProfileCreatedTime = 1741083625000000,
            CreatedTime = 1741083625000000,
        };
        var channel = new Channel(uuid, "sofia/internal/1000@192.0.2.10", CallDirection.Inbound, profile, new FakeSignaling("x"));
        channel.SetState(ChannelState.Execute);
        channel.CallState = CallState.Ringing;
        return channel;
    }

    private static SwitchEvent Publish(SwitchEventBuilder builder)
    {
        var bus = new EventBus(EngineHarness.Identity, new ManualTimeProvider());
        return bus.Publish(builder);
    }

    private static string[] OwnNames(SwitchEvent e) => e.Headers.Skip(13).Select(h => h.Key).ToArray();

    [Fact]
    public void Channel_block_profile_and_variables_come_in_freeswitch_order()
    {
        var channel = NewChannel();
        channel.Variables.Set("sip_from_user", "1000");

        var e = Publish(ChannelEvents.Create(ChannelEventNames.Park, channel));

        Assert.Equal(
        [
            "Channel-State", "Channel-Call-State", "Channel-State-Number", "Channel-Name", "Unique-ID", "Call-Direction",
            "Presence-Call-Direction", "Channel-HIT-Dialplan", "Channel-Call-UUID", "Answer-State",
            "Caller-Direction", "Caller-Logical-Direction", "Caller-Username", "Caller-Dialplan", "Caller-Caller-ID-Name",
            "Caller-Caller-ID-Number", "Caller-Network-Addr", "Caller-Destination-Number", "Caller-Unique-ID", "Caller-Source",
            "Caller-Context", "Caller-Channel-Name", "Caller-Profile-Created-Time", "Caller-Channel-Created-Time",
            "Caller-Channel-Answered-Time", "Caller-Channel-Progress-Time", "Caller-Channel-Progress-Media-Time",
            "Caller-Channel-Hangup-Time", "Caller-Channel-Transfer-Time", "Caller-Channel-Resurrect-Time",
            "Caller-Channel-Bridged-Time", "Caller-Channel-Last-Hold", "Caller-Channel-Hold-Accum", "Caller-Screen-Bit",
            "Caller-Privacy-Hide-Name", "Caller-Privacy-Hide-Number",
            "variable_direction", "variable_uuid", "variable_channel_name", "variable_sip_from_user",
        ], OwnNames(e));
        Assert.Equal("CHANNEL_PARK", e.Headers[0].Value);
        Assert.Equal("CS_EXECUTE", e.GetHeader("Channel-State"));
        Assert.Equal("4", e.GetHeader("Channel-State-Number"));
        Assert.Equal("RINGING", e.GetHeader("Channel-Call-State"));
        Assert.Equal("true", e.GetHeader("Channel-HIT-Dialplan"));
        Assert.Equal(channel.Uuid, e.GetHeader("Channel-Call-UUID"));
        Assert.Equal("1741083625000000", e.GetHeader("Caller-Channel-Created-Time"));
        Assert.Equal("0", e.GetHeader("Caller-Channel-Answered-Time"));
        Assert.Equal("true", e.GetHeader("Caller-Screen-Bit"));
        Assert.Equal("false", e.GetHeader("Caller-Privacy-Hide-Name"));
        Assert.Equal(channel.Uuid, e.UniqueId);
    }

    [Theory]
    [InlineData("CHANNEL_STATE", false)]
    [InlineData("CHANNEL_OUTGOING", false)]
    [InlineData("CHANNEL_CREATE", true)]
    [InlineData("CHANNEL_ANSWER", true)]
    [InlineData("CHANNEL_HANGUP", true)]
    [InlineData("CHANNEL_DESTROY", true)]
    [InlineData("CHANNEL_DATA", true)]
    [InlineData("CHANNEL_ORIGINATE", true)]
    [InlineData("CHANNEL_PROGRESS", true)]
    [InlineData("CHANNEL_PROGRESS_MEDIA", true)]
    [InlineData("CHANNEL_UNPARK", true)]
    public void Variables_only_on_the_listed_event_types(string name, bool expected)
    {
        var e = Publish(ChannelEvents.Create(name, NewChannel()));
        Assert.Equal(expected, e.Headers.Any(h => h.Key.StartsWith("variable_", StringComparison.Ordinal)));
    }

    [Fact]
    public void Callstate_leads_with_the_original_state_and_new_number()
    {
        var channel = NewChannel();
        channel.CallState = CallState.Active;
        var e = Publish(ChannelEvents.CallStateChanged(channel, CallState.Ringing));
        Assert.Equal(["Original-Channel-Call-State", "Channel-Call-State-Number", "Channel-State"], OwnNames(e)[..3]);
        Assert.Equal("RINGING", e.GetHeader("Original-Channel-Call-State"));
        Assert.Equal("4", e.GetHeader("Channel-Call-State-Number"));
        Assert.Equal("ACTIVE", e.GetHeader("Channel-Call-State"));
        Assert.DoesNotContain(e.Headers, h => h.Key.StartsWith("variable_", StringComparison.Ordinal));
    }

    [Fact]
    public void Hangup_shows_running_state_with_requested_number_and_cause()
    {
        var channel = NewChannel();
        channel.HangupCause = HangupCause.NormalClearing;
        channel.RequestState(ChannelState.Hangup);
        var e = Publish(ChannelEvents.Create(ChannelEventNames.Hangup, channel));
        Assert.Equal("CS_EXECUTE", e.GetHeader("Channel-State"));
        Assert.Equal("10", e.GetHeader("Channel-State-Number"));
        Assert.Equal("hangup", e.GetHeader("Answer-State"));
        var names = OwnNames(e);
        Assert.Equal(Array.IndexOf(names, "Answer-State") + 1, Array.IndexOf(names, "Hangup-Cause"));
    }

    [Fact]
    public void Other_leg_block_follows_other_type()
    {
        var a = NewChannel("A-uuid");
        var b = new Channel("B-uuid", "sofia/internal/1001@192.0.2.55:5060", CallDirection.Outbound,
            new CallerProfile { CallerIdNumber = "1000", DestinationNumber = "1001" }, new FakeSignaling("b"))
        {
            OtherLegProfile = a.Profile,
            OtherLegType = OtherLegType.Originator,
        };
        b.Variables.Set("call_uuid", "A-uuid");

        var e = Publish(ChannelEvents.Create(ChannelEventNames.Answer, b));

        var names = OwnNames(e);
        var otherType = Array.IndexOf(names, "Other-Type");
        Assert.Equal("Caller-Privacy-Hide-Number", names[otherType - 1]);
        Assert.Equal(["Other-Leg-Direction", "Other-Leg-Logical-Direction", "Other-Leg-Username"], names[(otherType + 1)..(otherType + 4)]);
        Assert.Equal("originator", e.GetHeader("Other-Type"));
        Assert.Equal("A-uuid", e.GetHeader("Other-Leg-Unique-ID"));
        Assert.Equal("inbound", e.GetHeader("Other-Leg-Direction"));
        Assert.Equal("A-uuid", e.GetHeader("Channel-Call-UUID"));
        Assert.Equal("outbound", e.GetHeader("Caller-Direction"));
        Assert.Equal("false", e.GetHeader("Channel-HIT-Dialplan"));
    }

    [Fact]
    public void Codec_headers_appear_once_media_is_set()
    {
        var channel = NewChannel();
        channel.ReadCodecName = "PCMU";
        channel.ReadCodecRate = 8000;
        channel.ReadCodecBitRate = 64000;
        channel.WriteCodecName = "PCMU";
        channel.WriteCodecRate = 8000;
        channel.WriteCodecBitRate = 64000;
        var e = Publish(ChannelEvents.Create(ChannelEventNames.Answer, channel));
        var names = OwnNames(e);
        var at = Array.IndexOf(names, "Answer-State");
        Assert.Equal(["Channel-Read-Codec-Name", "Channel-Read-Codec-Rate", "Channel-Read-Codec-Bit-Rate",
            "Channel-Write-Codec-Name", "Channel-Write-Codec-Rate", "Channel-Write-Codec-Bit-Rate"], names[(at + 1)..(at + 7)]);
        Assert.Equal("64000", e.GetHeader("Channel-Write-Codec-Bit-Rate"));
    }

    [Fact]
    public void Bridge_leads_with_both_uuids_then_the_a_leg()
    {
        var a = NewChannel("A-uuid");
        var b = NewChannel("B-uuid");
        var e = Publish(ChannelEvents.BridgeChange(ChannelEventNames.Bridge, a, b));
        Assert.Equal(["Bridge-A-Unique-ID", "Bridge-B-Unique-ID", "Channel-State"], OwnNames(e)[..3]);
        Assert.Equal("A-uuid", e.GetHeader("Unique-ID"));
        Assert.Equal("A-uuid", e.UniqueId);
        Assert.Contains(e.Headers, h => h.Key == "variable_uuid" && h.Value == "A-uuid");
    }

    [Fact]
    public void Execute_complete_defaults_response_to_none()
    {
        var e = Publish(ChannelEvents.ExecuteComplete(NewChannel(), "answer", null, null, "app-uuid", null));
        Assert.Equal(["Application", "Application-Response", "Application-UUID"], OwnNames(e)[^3..]);
        Assert.Equal("_none_", e.GetHeader("Application-Response"));
    }
}
