using Switch.Commands;
using Switch.Commands.System;
using Switch.Tests.Support;

namespace Switch.Tests.Commands.System;

public sealed class SystemCommandTests
{
    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, "0 years, 0 days, 0 hours, 0 minutes, 0 seconds, 0 milliseconds, 0 microseconds")]
    [InlineData(0, 1, 2, 3, 4, 5, "0 years, 0 days, 1 hour, 2 minutes, 3 seconds, 4 milliseconds, 5 microseconds")]
    [InlineData(366, 0, 0, 1, 0, 1, "1 year, 1 day, 0 hours, 0 minutes, 1 second, 0 milliseconds, 1 microsecond")]
    public void Uptime_reads_like_FreeSWITCH(int days, int hours, int minutes, int seconds, int ms, int us, string expected) =>
        Assert.Equal(expected, StatusCommand.FormatUptime(new TimeSpan(days, hours, minutes, seconds, ms, us)));

    [Fact]
    public async Task Status_prints_counters_with_trailing_spaces_where_FreeSWITCH_has_them()
    {
        var clock = new ManualTimeProvider();
        var started = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(1));
        var status = new StatusCommand(clock, started, () => new SessionStatistics(57, 2, 3, 2, 0, 1, 1, 1000, 30));
        var lines = (await status.ExecuteAsync("", default)).Split('\n');
        Assert.StartsWith("UP 0 years, 0 days, 1 hour, 0 minutes", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("is ready", lines[1], StringComparison.Ordinal);
        Assert.Equal("57 session(s) since startup", lines[2]);
        Assert.Equal("2 session(s) - peak 3, last 5min 2 ", lines[3]);
        Assert.Equal("0 session(s) per Sec out of max 30, peak 1, last 5min 1 ", lines[4]);
        Assert.Equal("1000 session(s) max", lines[5]);
    }

    [Fact]
    public async Task Status_prints_the_registry_rates()
    {
        var clock = new ManualTimeProvider();
        var registry = new Switch.Calls.CallRegistry(clock);
        for (var i = 0; i < 3; i++)
        {
            registry.TryAdd(new Switch.Calls.Channel("u" + i, "sofia/internal/1000@192.0.2.10", Switch.Calls.CallDirection.Inbound,
                new Switch.Calls.CallerProfile(), new Switch.Tests.Calls.Fakes.FakeSignaling("a")));
        }
        clock.Advance(TimeSpan.FromSeconds(1));
        var status = new StatusCommand(clock, clock.GetUtcNow(), () => SessionStatistics.Of(registry.Counts(), 1000, 30));
        var lines = (await status.ExecuteAsync("", default)).Split('\n');
        Assert.Equal("3 session(s) since startup", lines[2]);
        Assert.Equal("3 session(s) - peak 3, last 5min 3 ", lines[3]);
        Assert.Equal("3 session(s) per Sec out of max 30, peak 3, last 5min 3 ", lines[4]);
    }

    [Fact]
    public async Task Show_parses_count_and_as_json_and_rejects_the_rest()
    {
        var show = new ShowCommand().Add("channels", (json, count) => $"json={json} count={count}");
        Assert.Equal("json=True count=False", await show.ExecuteAsync("channels as json", default));
        Assert.Equal("json=False count=True", await show.ExecuteAsync("CHANNELS count", default));
        Assert.StartsWith("-USAGE:", await show.ExecuteAsync("nothing", default), StringComparison.Ordinal);
        Assert.StartsWith("-USAGE:", await show.ExecuteAsync("channels as yaml", default), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_reports_unknown_commands_like_FreeSWITCH()
    {
        var registry = new ApiCommandRegistry([new VersionCommand(), ValueCommand.CreateUuid()]);
        Assert.Equal("-ERR nosuch Command not found!\n", await registry.ExecuteAsync("nosuch", "", default));
        Assert.Equal(SwitchVersion.Short + "\n", await registry.ExecuteAsync("VERSION", " short ", default));
        Assert.True(Guid.TryParse(await registry.ExecuteAsync("create_uuid", null, default), out _));
    }

    [Fact]
    public async Task Toggle_switches_and_reports()
    {
        var on = false;
        var trace = new ToggleCommand("siptrace", "siptrace", v => on = v, () => on);
        Assert.Equal("+OK siptrace is on\n", await trace.ExecuteAsync("on", default));
        Assert.True(on);
        Assert.Equal("+OK siptrace is off\n", await trace.ExecuteAsync("OFF", default));
        Assert.StartsWith("-USAGE", await trace.ExecuteAsync("maybe", default), StringComparison.Ordinal);
    }
}
