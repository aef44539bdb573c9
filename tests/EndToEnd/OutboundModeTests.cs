using System.Globalization;
using System.Text.Json;
using Switch.EndToEnd.Support;

namespace Switch.EndToEnd;

/// <summary>Outbound event socket: the switch connects to a controller per call (modesl's esl.Server here).</summary>
public sealed class OutboundModeTests
{
    private static async Task<string> ConfigWithOutboundAsync(int controllerPort)
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("switch-outbound-").FullName, "switch.json");
        await File.WriteAllTextAsync(config, $$"""{ "EventSocket": { "Outbound": [ { "Address": "127.0.0.1:{{controllerPort}}", "DestinationPrefixes": [ "10" ] } ] } }""");
        return config;
    }

    [Fact]
    public async Task Each_new_call_connects_to_the_modesl_server_which_receives_the_channel_and_refuses_the_call()
    {
        ModeslTests.RequireModesl();
        var controllerPort = FreePorts.TcpAndUdp();
        await using var sw = await SwitchProcess.StartAsync(extraArgs: ["--config", await ConfigWithOutboundAsync(controllerPort)]);
        var node = ExternalTool.RunAsync("node", ["outbound-server.js", controllerPort.ToString(CultureInfo.InvariantCulture)],
            TimeSpan.FromSeconds(40), RepoPaths.NodeDir);
        await Task.Delay(TimeSpan.FromSeconds(1)); // let node start listening (its own timeout bounds the test)

        var trace = Path.Combine(sw.DataDir, "caller.log");
        var caller = await Sipp.RunAsync("uac-auth-fail.xml", sw.SipPort,
            ["-s", "1001", "-key", "caller", "1000", "-au", "1000", "-ap", "1234", "-trace_msg", "-message_file", trace]);
        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.Contains("SIP/2.0 603 ", await File.ReadAllTextAsync(trace), StringComparison.Ordinal);

        var result = await node;
        Assert.True(result.ExitCode == 0, result.ToString());
        var connect = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).First(e => e.GetProperty("step").GetString() == "connect");
        Assert.Equal("1001", connect.GetProperty("destination").GetString());
        Assert.Equal("inbound", connect.GetProperty("direction").GetString());
        Assert.True(Guid.TryParse(connect.GetProperty("uuid").GetString(), out _));
    }

    [Fact]
    public async Task An_unreachable_outbound_controller_refuses_the_call_at_once_instead_of_leaving_it_ringing()
    {
        var closedPort = FreePorts.TcpAndUdp();
        await using var sw = await SwitchProcess.StartAsync(extraArgs: ["--config", await ConfigWithOutboundAsync(closedPort)]);
        var trace = Path.Combine(sw.DataDir, "caller.log");
        var started = DateTime.UtcNow;
        var caller = await Sipp.RunAsync("uac-auth-fail.xml", sw.SipPort,
            ["-s", "1001", "-key", "caller", "1000", "-au", "1000", "-ap", "1234", "-trace_msg", "-message_file", trace]);
        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.Contains("SIP/2.0 502 ", await File.ReadAllTextAsync(trace), StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        await sw.WaitForLogAsync("outbound controller 127.0.0.1:" + closedPort.ToString(CultureInfo.InvariantCulture) + " unreachable", TimeSpan.FromSeconds(5));
    }
}
