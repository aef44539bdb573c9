using System.Text.Json;
using Switch.EndToEnd.Support;

namespace Switch.EndToEnd;

/// <summary>The npm modesl client (installed by scripts/test.sh from the committed lock file) against the switch.</summary>
public sealed class ModeslTests
{
    [Fact]
    public async Task Modesl_authenticates_runs_api_and_bgapi_and_receives_a_sofia_register_event_as_json()
    {
        await using var sw = await SwitchProcess.StartAsync();
        RequireModesl();
        var node = ExternalTool.RunAsync("node", ["esl-basics.js", sw.EslPort.ToString(System.Globalization.CultureInfo.InvariantCulture), SwitchProcess.Password],
            TimeSpan.FromSeconds(40), RepoPaths.NodeDir);

        // modesl subscribes after its api and bgapi; register (and refresh) until it has seen a sofia::register.
        for (var attempt = 0; attempt < 30 && !node.IsCompleted; attempt++)
        {
            var register = await Sipp.RunAsync("register-auth.xml", sw.SipPort, ["-s", "1006", "-au", "1006", "-ap", "1234"]);
            Assert.True(register.ExitCode == 0, register.ToString());
            await Task.WhenAny(node, Task.Delay(300));
        }

        var result = await node;
        Assert.True(result.ExitCode == 0, result.ToString());
        var steps = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("step").GetString()!);
        Assert.StartsWith("UP ", steps["api"].GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.True(Guid.TryParse(steps["bgapi"].GetProperty("body").GetString(), out _), result.Output);
        Assert.Equal("create_uuid", steps["bgapi"].GetProperty("command").GetString());
        Assert.Equal("1006", steps["register"].GetProperty("user").GetString());
        Assert.Equal("Registered(UDP)", steps["register"].GetProperty("status").GetString());
    }

    internal static void RequireModesl()
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.NodeDir, "node_modules", "modesl")))
        {
            throw new InvalidOperationException($"npm modesl is not installed in {RepoPaths.NodeDir}: run scripts/test.sh (it runs npm ci there).");
        }
    }
}
