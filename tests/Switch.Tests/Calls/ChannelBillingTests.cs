using Switch.Calls;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Calls;

public sealed class ChannelBillingTests
{
    private const long Second = 1_000_000;
    private const long Created = 1741083625_250000; // 2025-03-04 10:20:25.25 UTC

    internal static Channel Leg(long answered, long hangup, long progress = 0, long progressMedia = 0, long bridged = 0)
    {
        var profile = new CallerProfile
        {
            CallerIdName = "Alice",
            CallerIdNumber = "1000",
            CreatedTime = Created,
            ProfileCreatedTime = Created,
            AnsweredTime = answered,
            HangupTime = hangup,
            ProgressTime = progress,
            ProgressMediaTime = progressMedia,
            BridgedTime = bridged,
        };
        return new Channel("u", "sofia/internal/1000@h", CallDirection.Inbound, profile, new FakeSignaling("x"))
        {
            LastApplication = "bridge",
            LastApplicationData = "user/1001",
        };
    }

    [Fact]
    public void Answered_call_gets_durations_and_stamps()
    {
        var leg = Leg(answered: Created + 6 * Second + 500_000, hangup: Created + 21 * Second, progress: Created + 200_000,
            progressMedia: Created + 300_000, bridged: Created + 6 * Second + 600_000);

        ChannelBilling.Write(leg, TimeZoneInfo.Utc);
        var v = leg.Variables;

        Assert.Equal("2025-03-04 10:20:25", v["start_stamp"]);
        Assert.Equal("2025-03-04 10:20:31", v["answer_stamp"]);
        Assert.Equal("2025-03-04 10:20:46", v["end_stamp"]);
        Assert.Equal("1741083625", v["start_epoch"]);
        Assert.Equal("1741083625250000", v["start_uepoch"]);
        Assert.Equal("1741083631", v["answer_epoch"]);
        Assert.Equal("1741083646", v["end_epoch"]);
        Assert.Equal("21", v["duration"]);
        Assert.Equal("15", v["billsec"]);
        Assert.Equal("21000", v["mduration"]);
        Assert.Equal("14500", v["billmsec"]);
        Assert.Equal("21000000", v["uduration"]);
        Assert.Equal("14500000", v["billusec"]);
        Assert.Equal("0", v["progresssec"]);
        Assert.Equal("200", v["progressmsec"]);
        Assert.Equal("300", v["progress_mediamsec"]);
        Assert.Equal("6", v["answersec"]);
        Assert.Equal("6500", v["answermsec"]);
        Assert.Equal("6600", v["waitmsec"]);
        Assert.Equal("21", v["flow_billsec"]);
        Assert.Equal("\"Alice\" <1000>", v["caller_id"]);
        Assert.Equal("bridge", v["last_app"]);
        Assert.Equal("user/1001", v["last_arg"]);
    }

    [Fact]
    public void Unanswered_call_has_no_billsec_and_no_answer_stamp()
    {
        var leg = Leg(answered: 0, hangup: Created + 9 * Second);
        ChannelBilling.Write(leg, TimeZoneInfo.Utc);
        Assert.Null(leg.Variables["answer_stamp"]);
        Assert.Null(leg.Variables["progress_stamp"]);
        Assert.Equal("0", leg.Variables["answer_epoch"]);
        Assert.Equal("0", leg.Variables["billsec"]);
        Assert.Equal("0", leg.Variables["billmsec"]);
        Assert.Equal("9", leg.Variables["duration"]);
        Assert.Equal("0", leg.Variables["waitsec"]);
    }

    [Fact]
    public void Stamps_use_the_local_time_zone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");
        var leg = Leg(answered: 0, hangup: Created + Second);
        ChannelBilling.Write(leg, zone);
        Assert.Equal("2025-03-04 12:20:25", leg.Variables["start_stamp"]);
    }

    [Fact]
    public void Variables_keep_insertion_order_and_ignore_case()
    {
        var v = new ChannelVariables();
        v.Set("b", "1");
        v.Set("a", "2");
        v.Set("B", "3");
        v.Set("c", "");
        Assert.Equal(["b", "a"], v.AsEnumerable().Select(x => x.Key));
        Assert.Equal("3", v["b"]);
        v.Set("b", null);
        Assert.Equal(["a"], v.AsEnumerable().Select(x => x.Key));
    }

    [Theory]
    [InlineData("true", true, false)]
    [InlineData("TRUE", true, false)]
    [InlineData("yes", true, false)]
    [InlineData("on", true, false)]
    [InlineData("1", true, false)]
    [InlineData("false", false, true)]
    [InlineData("no", false, true)]
    [InlineData("off", false, true)]
    [InlineData("0", false, true)]
    [InlineData("maybe", false, false)]
    public void Truth_values_follow_freeswitch(string value, bool isTrue, bool isFalse)
    {
        var v = new ChannelVariables();
        v.Set("x", value);
        Assert.Equal(isTrue, v.IsTrue("x"));
        Assert.Equal(isFalse, v.IsFalse("x"));
        Assert.False(v.IsTrue("unset"));
        Assert.False(v.IsFalse("unset"));
    }
}
