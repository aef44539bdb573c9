using Microsoft.Extensions.Logging.Abstractions;
using Switch.Calls;
using Switch.Commands;
using Switch.Commands.Channels;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Commands.Channels;

public sealed class ChannelCommandTests : IDisposable
{
    private readonly EngineHarness _h = new();
    private readonly ApiCommandRegistry _api;

    public ChannelCommandTests() =>
        _api = new ApiCommandRegistry(ChannelCommands.Create(_h.Engine, _h.Bus, NullLoggerFactory.Instance));

    public void Dispose() => _h.Dispose();

    private Task<string> Api(string line)
    {
        var space = line.IndexOf(' ');
        return _api.ExecuteAsync(space < 0 ? line : line[..space], space < 0 ? null : line[(space + 1)..], CancellationToken.None)
            .AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("uuid_answer", "-USAGE: <uuid>\n")]
    [InlineData("uuid_ring_ready", "-USAGE: <uuid> [queued]\n")]
    [InlineData("uuid_kill", "-USAGE: <uuid> [cause]\n")]
    [InlineData("uuid_park", "-USAGE: <uuid>\n")]
    [InlineData("uuid_bridge a", "-USAGE: <uuid> <other_uuid>\n")]
    [InlineData("uuid_setvar a", "-USAGE: <uuid> <var> [value]\n")]
    [InlineData("uuid_setvar_multi a", "-USAGE: <uuid> <var>=<value>;<var>=<value>...\n")]
    [InlineData("uuid_getvar a", "-USAGE: <uuid> <var>\n")]
    [InlineData("uuid_exists", "-USAGE: <uuid>\n")]
    [InlineData("uuid_dump", "-USAGE: <uuid> [format]\n")]
    [InlineData("originate user/1000", "-USAGE: <call url> <exten>|&<application_name>(<app_args>) [<dialplan>] [<context>] [<cid_name>] [<cid_num>] [<timeout_sec>]\n")]
    public async Task Wrong_arguments_print_usage(string line, string expected) => Assert.Equal(expected, await Api(line));

    [Theory]
    [InlineData("uuid_answer nope", "-ERROR\n")]
    [InlineData("uuid_pre_answer nope", "-ERROR\n")]
    [InlineData("uuid_kill nope", "-ERR No such channel!\n")]
    [InlineData("uuid_kill nope USER_BUSY", "-ERR No such channel!\n")]
    [InlineData("uuid_park nope", "-ERR No such channel!\n")]
    [InlineData("uuid_bridge nope nada", "-ERR Invalid uuid\n")]
    [InlineData("uuid_setvar nope x 1", "-ERR No such channel!\n")]
    [InlineData("uuid_setvar_multi nope x=1", "-ERR No such channel!\n")]
    [InlineData("uuid_getvar nope x", "-ERR No such channel!\n")]
    [InlineData("uuid_exists nope", "false")]
    [InlineData("uuid_dump nope", "-ERR No such channel!\n")]
    [InlineData("hupall", "+OK hangup all channels with cause MANAGER_REQUEST\n")]
    [InlineData("hupall bogus", "+OK hangup all channels with cause MANAGER_REQUEST\n")]
    [InlineData("hupall normal_clearing", "+OK hangup all channels with cause NORMAL_CLEARING\n")]
    [InlineData("hupall 17 tenant acme", "+OK hangup all channels matching [tenant]=[acme] with cause: USER_BUSY\n")]
    [InlineData("originate user/nobody &park()", "-ERR SUBSCRIBER_ABSENT\n")]
    [InlineData("originate error/USER_BUSY &park()", "-ERR USER_BUSY\n")]
    [InlineData("originate loopback/1000 &park()", "-ERR CHAN_NOT_IMPLEMENTED\n")]
    [InlineData("originate user/ &park()", "-ERR INVALID_URL\n")]
    [InlineData("originate {a=1 user/1000 &park()", "-USAGE: <call url> <exten>|&<application_name>(<app_args>) [<dialplan>] [<context>] [<cid_name>] [<cid_num>] [<timeout_sec>]\n")]
    public async Task Outputs_without_a_channel(string line, string expected) => Assert.Equal(expected, await Api(line));

    [Fact]
    public async Task Variables_round_trip_through_setvar_and_getvar()
    {
        var a = await _h.InboundAsync();
        Assert.Equal("true", await Api($"uuid_exists {a}"));
        Assert.Equal("_undef_", await Api($"uuid_getvar {a} greeting"));
        Assert.Equal("+OK\n", await Api($"uuid_setvar {a} greeting hello big world"));
        Assert.Equal("hello big world", await Api($"uuid_getvar {a} greeting"));
        Assert.Equal("+OK\n", await Api($"uuid_setvar {a} greeting"));
        Assert.Equal("_undef_", await Api($"uuid_getvar {a} greeting"));
        Assert.Equal("+OK\n", await Api($"uuid_setvar_multi {a} x=1;y=two words;z="));
        Assert.Equal("1", await Api($"uuid_getvar {a} x"));
        Assert.Equal("two words", await Api($"uuid_getvar {a} y"));
        Assert.Equal("_undef_", await Api($"uuid_getvar {a} z"));
    }

    [Fact]
    public async Task Answer_kill_and_hupall_act_on_the_channel()
    {
        var a = await _h.InboundAsync();
        var b = await _h.InboundAsync(from: "1002");
        Assert.Equal("+OK\n", await Api($"uuid_answer {a}"));
        Assert.Equal(["answer"], _h.Inbound[a].Actions);
        Assert.Equal("+OK\n", await Api($"uuid_kill {a} USER_BUSY"));
        Assert.Equal("hangup:USER_BUSY", _h.Inbound[a].Actions[^1]);
        Assert.Equal("false", await Api($"uuid_exists {a}"));
        Assert.Equal("+OK hangup all channels with cause SYSTEM_SHUTDOWN\n", await Api("hupall SYSTEM_SHUTDOWN"));
        Assert.Equal(["hangup:SYSTEM_SHUTDOWN"], _h.Inbound[b].Actions);
    }

    [Fact]
    public async Task Uuid_bridge_prints_the_bridged_uuid()
    {
        var a = await _h.InboundAsync();
        var b = await _h.InboundAsync(from: "1002");
        Assert.Equal($"+OK {b}\n", await Api($"uuid_bridge {a} {b}"));
        Assert.Equal("+OK\n", await Api($"uuid_park {a}"));
    }

    [Fact]
    public async Task Originate_returns_the_new_uuid_after_answer()
    {
        _h.Dialer.AddUser("1001", "192.0.2.55");
        var pending = Api("originate {origination_uuid=2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f,origination_caller_id_name='A B'}user/1001 &park() XML default Bob 1234 30");
        var leg = await _h.OutboundLegAsync("1001");
        Assert.Equal("2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f", leg);
        var request = _h.Dialer.Requests.Single();
        Assert.Equal("A B", request.CallerIdName);
        Assert.Equal("1234", request.CallerIdNumber);
        _h.Engine.LegEvents.Answered(leg);
        Assert.Equal("+OK 2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f\n", await pending);
    }

    [Fact]
    public async Task Originate_timeout_argument_limits_ringing()
    {
        _h.Dialer.AddUser("1001", "192.0.2.55");
        var pending = Api("originate user/1001 &park() undef undef undef undef 9");
        await _h.OutboundLegAsync("1001");
        _h.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("-ERR NO_ANSWER\n", await pending);
    }

    [Theory]
    [InlineData("&park()", "park", null, null)]
    [InlineData("&park", "park", null, null)]
    [InlineData("&bridge(user/1002)", "bridge", "user/1002", null)]
    [InlineData("&playback(/tmp/a b.wav)", "playback", "/tmp/a b.wav", null)]
    [InlineData("5000", null, null, "5000")]
    public void Originate_targets_parse(string word, string? app, string? arg, string? extension)
    {
        Assert.True(OriginateCommand.TryParseTarget(word, out var a, out var g, out var e));
        Assert.Equal((app, arg, extension), (a, g, e));
    }

    [Theory]
    [InlineData("&")]
    [InlineData("&bad(")]
    [InlineData("&a b()")]
    public void Bad_originate_targets_are_rejected(string word) =>
        Assert.False(OriginateCommand.TryParseTarget(word, out _, out _, out _));

    [Fact]
    public void Words_keep_groups_and_quotes_together()
    {
        Assert.Equal(["{a='x y',b=2}user/1000", "&playback(/a b.wav)", "XML"],
            CommandWords.Split("{a='x y',b=2}user/1000  &playback(/a b.wav) XML"));
        Assert.Equal(["u", "v", "rest of it"], CommandWords.Split("u v rest of it", 3));
        Assert.Empty(CommandWords.Split("   "));
    }

    [Fact]
    public async Task Uuid_dump_formats()
    {
        var a = await _h.InboundAsync();

        var txt = await Api($"uuid_dump {a}");
        Assert.StartsWith("Event-Name: CHANNEL_DATA\nCore-UUID: ", txt);
        Assert.Contains("\nChannel-Name: sofia/internal/1000%40192.0.2.10\n", txt);
        Assert.Contains($"\nUnique-ID: {a}\n", txt);
        Assert.Contains("\nvariable_current_application: park\n", txt);
        Assert.EndsWith("\n\n", txt);

        var plain = await Api($"uuid_dump {a} plain");
        Assert.Contains("\nChannel-Name: [sofia/internal/1000@192.0.2.10]\n", plain);
        Assert.EndsWith("]\n\n", plain);

        var json = await Api($"uuid_dump {a} json");
        Assert.StartsWith("{\"Event-Name\":\"CHANNEL_DATA\"", json);
        Assert.Contains("\"Channel-Name\":\"sofia/internal/1000@192.0.2.10\"", json);
        Assert.EndsWith("}", json);

        var xml = await Api($"uuid_dump {a} xml");
        Assert.StartsWith("<event>", xml);
    }
}
