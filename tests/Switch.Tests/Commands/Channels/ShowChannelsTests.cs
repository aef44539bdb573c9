using Switch.Calls;
using Switch.Commands.Channels;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Commands.Channels;

public sealed class ShowChannelsTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    private ShowChannels Show => new(_h.Engine, "sw1");

    [Fact]
    public void Empty_lists_print_freeswitch_empty_forms()
    {
        Assert.Equal("\n0 total.\n", Show.FormatChannels(asJson: false, countOnly: false));
        Assert.Equal("{\"row_count\": 0}\n", Show.FormatChannels(asJson: true, countOnly: false));
        Assert.Equal("\n0 total.\n", Show.FormatCalls(asJson: false, countOnly: false));
        Assert.Equal("\n0 total.\n", Show.FormatChannels(asJson: false, countOnly: true));
    }

    [Fact]
    public async Task Channels_csv_has_title_rows_and_total()
    {
        var a = await _h.InboundAsync("5000");
        await _h.Engine.SetVariableAsync(a, "presence_id", "1000@192.0.2.10");

        var text = Show.FormatChannels(asJson: false, countOnly: false);

        var lines = text.Split('\n');
        Assert.Equal(string.Join(",", ShowChannels.ChannelColumns), lines[0]);
        Assert.Equal(38, ShowChannels.ChannelColumns.Count);
        var fields = lines[1].Split(',');
        Assert.Equal(38, fields.Length);
        Assert.Equal(a, fields[0]);
        Assert.Equal("inbound", fields[1]);
        Assert.Equal("2025-03-04 10:20:30", fields[2]);
        Assert.Equal("1741083630", fields[3]);
        Assert.Equal("sofia/internal/1000@192.0.2.10", fields[4]);
        Assert.Equal("CS_EXECUTE", fields[5]);
        Assert.Equal(["Alice", "1000", "192.0.2.55", "5000", "park", ""], fields[6..12]);
        Assert.Equal("sw1", fields[21]);
        Assert.Equal("1000@192.0.2.10", fields[22]);
        Assert.Equal("RINGING", fields[25]);
        Assert.Equal(a, fields[29]);
        Assert.Equal(["", "1 total.", ""], lines[2..]);
        Assert.Equal("\n1 total.\n", Show.FormatChannels(asJson: false, countOnly: true));
    }

    [Fact]
    public async Task Channels_json_has_row_count_and_string_values()
    {
        var a = await _h.InboundAsync("5000");
        var json = Show.FormatChannels(asJson: true, countOnly: false);
        Assert.StartsWith($"{{\"row_count\":1,\"rows\":[{{\"uuid\":\"{a}\",\"direction\":\"inbound\",\"created\":\"2025-03-04 10:20:30\",\"created_epoch\":\"1741083630\"", json);
        Assert.EndsWith("\"initial_dialplan\":\"XML\",\"initial_context\":\"default\"}]}", json);
        Assert.Contains("\"read_codec\":\"\"", json);
    }

    [Fact]
    public async Task Calls_join_bridged_legs_in_one_row()
    {
        var a = await _h.InboundAsync("5000");
        _h.Clock.Advance(TimeSpan.FromSeconds(1));
        var b = await _h.InboundAsync("5001", from: "1002");
        _h.Clock.Advance(TimeSpan.FromSeconds(1));
        var c = await _h.InboundAsync("5002", from: "1003");
        Assert.Equal(b, await _h.Engine.BridgeAsync(a, b));
        await _h.Engine.SetVariableAsync(c, "probe", "1");

        var lines = Show.FormatCalls(asJson: false, countOnly: false).Split('\n');

        Assert.Equal(string.Join(",", ShowChannels.CallColumns), lines[0]);
        var first = lines[1].Split(',');
        Assert.Equal(ShowChannels.CallColumns.Count, first.Length);
        Assert.Equal(a, first[0]);
        Assert.Equal(b, first[Array.IndexOf(ShowChannels.CallColumns.ToArray(), "b_uuid")]);
        var second = lines[2].Split(',');
        Assert.Equal(c, second[0]);
        Assert.Equal("", second[Array.IndexOf(ShowChannels.CallColumns.ToArray(), "b_uuid")]);
        Assert.Equal("2 total.", lines[4]);
        Assert.Equal(3, _h.Engine.Snapshot().Count);
    }
}
