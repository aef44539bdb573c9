using FsCheck;
using FsCheck.Fluent;
using Switch.Client.Tests.Fakes;

namespace Switch.Client.Tests;

public sealed class TypedEventTests
{
    [Theory]
    [InlineData("CHANNEL_CREATE", typeof(ChannelCreate))]
    [InlineData("CHANNEL_PARK", typeof(ChannelPark))]
    [InlineData("CHANNEL_ANSWER", typeof(ChannelAnswer))]
    [InlineData("CHANNEL_BRIDGE", typeof(ChannelBridge))]
    [InlineData("CHANNEL_UNBRIDGE", typeof(ChannelUnbridge))]
    [InlineData("CHANNEL_HANGUP", typeof(ChannelHangup))]
    [InlineData("CHANNEL_HANGUP_COMPLETE", typeof(ChannelHangupComplete))]
    [InlineData("CHANNEL_EXECUTE_COMPLETE", typeof(ChannelExecuteComplete))]
    [InlineData("DTMF", typeof(Dtmf))]
    [InlineData("BACKGROUND_JOB", typeof(BackgroundJob))]
    [InlineData("CHANNEL_STATE", typeof(ChannelEvent))]
    [InlineData("HEARTBEAT", typeof(EventMessage))]
    public void Create_picks_the_typed_view(string name, Type expected) =>
        Assert.IsType(expected, EventMessage.Create(TestEvents.Create(name)));

    [Theory]
    [InlineData("sofia::register", RegistrationKind.Register)]
    [InlineData("sofia::unregister", RegistrationKind.Unregister)]
    [InlineData("sofia::expire", RegistrationKind.Expire)]
    public void Registration_events_are_typed(string subclass, RegistrationKind kind)
    {
        var raw = TestEvents.Create("CUSTOM", null, null, TestEvents.CoreUuid, ("Event-Subclass", subclass), ("from-user", "1001"), ("from-host", "192.0.2.10"), ("expires", "3600"), ("network-ip", "192.0.2.55"), ("network-port", "5062"), ("contact", "\"1001\" <sip:1001@192.0.2.55:5062>"));
        var registration = Assert.IsType<Registration>(EventMessage.Create(raw));
        Assert.Equal(kind, registration.Kind);
        Assert.Equal("1001", registration.User);
        Assert.Equal("192.0.2.10", registration.Domain);
        Assert.Equal(3600, registration.Expires);
        Assert.Equal(5062, registration.NetworkPort);
        Assert.Equal(subclass, registration.Subclass);
    }

    [Fact]
    public void Other_custom_events_stay_generic() =>
        Assert.IsNotType<Registration>(EventMessage.Create(TestEvents.Create("CUSTOM", null, null, TestEvents.CoreUuid, ("Event-Subclass", "switch::other"))));

    [Fact]
    public void Hangup_view_parses_the_cause()
    {
        var hangup = Assert.IsType<ChannelHangup>(EventMessage.Create(TestEvents.Channel("CHANNEL_HANGUP", "x", ("Hangup-Cause", "USER_NOT_REGISTERED"), ("Answer-State", "hangup"))));
        Assert.Equal(HangupCause.UserNotRegistered, hangup.Cause);
        Assert.Equal(806, (int)hangup.Cause);
        var unknown = Assert.IsType<ChannelHangup>(EventMessage.Create(TestEvents.Channel("CHANNEL_HANGUP", "x", ("Hangup-Cause", "SOMETHING_NEW"))));
        Assert.Equal(HangupCause.None, unknown.Cause);
        Assert.Equal("SOMETHING_NEW", unknown.CauseName);
    }

    [Fact]
    public void Bridge_dtmf_and_execute_views_read_their_headers()
    {
        var bridge = Assert.IsType<ChannelBridge>(EventMessage.Create(TestEvents.Channel("CHANNEL_BRIDGE", "a", ("Bridge-A-Unique-ID", "a"), ("Bridge-B-Unique-ID", "b"))));
        Assert.Equal(("a", "b"), (bridge.BridgeAUniqueId, bridge.BridgeBUniqueId));
        var dtmf = Assert.IsType<Dtmf>(EventMessage.Create(TestEvents.Channel("DTMF", "a", ("DTMF-Digit", "#"), ("DTMF-Duration", "2000"), ("DTMF-Source", "RTP"))));
        Assert.Equal(("#", 2000, "RTP"), (dtmf.Digit, dtmf.Duration, dtmf.Source));
        var done = Assert.IsType<ChannelExecuteComplete>(EventMessage.Create(TestEvents.ExecuteComplete("a", "echo", "u1", "-ERR Invalid Application")));
        Assert.True(done.IsError);
        Assert.Equal("u1", done.ApplicationUuid);
    }

    [Fact]
    public void Header_lookup_is_case_insensitive_on_large_events()
    {
        var headers = Enumerable.Range(0, 40).Select(i => ($"X-Header-{i}", $"v{i}")).ToArray();
        var evt = EventMessage.Create(TestEvents.Channel("CHANNEL_CREATE", "big", headers));
        Assert.Equal("v39", evt["x-header-39"]);
        Assert.Equal("big", evt.UniqueId);
        Assert.Null(evt["missing"]);
    }

    [Theory]
    [InlineData("NORMAL_CLEARING", HangupCause.NormalClearing)]
    [InlineData("user_busy", HangupCause.UserBusy)]
    [InlineData(" NO_ANSWER ", HangupCause.NoAnswer)]
    [InlineData("806", HangupCause.UserNotRegistered)]
    [InlineData("487", HangupCause.OriginatorCancel)]
    [InlineData("BEARERCAPABILITY_NOTAVAIL", HangupCause.BearerCapabilityNotAvail)]
    [InlineData("IE_NONEXIST", HangupCause.IeNonexist)]
    [InlineData("REJECT_ALL", HangupCause.RejectAll)]
    public void Hangup_causes_parse_names_and_numbers(string text, HangupCause expected)
    {
        Assert.True(HangupCauses.TryParse(text, out var cause));
        Assert.Equal(expected, cause);
    }

    [Theory]
    [InlineData("")]
    [InlineData("UNKNOWN")]
    [InlineData("606")]
    [InlineData("-1")]
    [InlineData("NORMAL CLEARING")]
    public void Unknown_causes_do_not_parse(string text)
    {
        Assert.False(HangupCauses.TryParse(text, out _));
        Assert.Equal(HangupCause.NormalUnspecified, HangupCauses.Parse(text, HangupCause.NormalUnspecified));
    }

    [Fact]
    public void Cause_numbers_match_freeswitch()
    {
        Assert.Equal(82, HangupCauses.All.Count);
        Assert.Equal((16, 17, 19, 20, 102, 142, 487, 703, 806, 825),
            ((int)HangupCause.NormalClearing, (int)HangupCause.UserBusy, (int)HangupCause.NoAnswer, (int)HangupCause.SubscriberAbsent,
             (int)HangupCause.RecoveryOnTimerExpire, (int)HangupCause.Success, (int)HangupCause.OriginatorCancel,
             (int)HangupCause.ManagerRequest, (int)HangupCause.UserNotRegistered, (int)HangupCause.RejectAll));
        Assert.Equal("UNKNOWN", ((HangupCause)4242).ToName());
        Assert.Equal(16, HangupCause.UserNotRegistered.ToQ850());
        Assert.Equal(17, HangupCause.UserBusy.ToQ850());
    }

    [Fact]
    public void Every_cause_round_trips_through_its_name_and_number() =>
        Prop.ForAll(Gen.Elements(HangupCauses.All.ToArray()).ToArbitrary(), cause =>
            HangupCauses.Parse(cause.ToName(), HangupCause.None) == cause
            && HangupCauses.Parse(cause.ToName().ToLowerInvariant(), HangupCause.None) == cause
            && HangupCauses.Parse(((int)cause).ToString(System.Globalization.CultureInfo.InvariantCulture), HangupCause.None) == cause
            && cause.ToName().ToUpperInvariant() == cause.ToName())
        .QuickCheckThrowOnFailure();
}
