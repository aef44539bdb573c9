using Switch.EndToEnd.Support;

namespace Switch.EndToEnd;

/// <summary>The executable as an operator runs it: start, listen, stop on SIGTERM, refuse bad configuration.</summary>
public sealed class SwitchLifecycleTests
{
    [Fact]
    public async Task Starts_with_embedded_defaults_and_stops_cleanly_on_SIGTERM_within_5_seconds()
    {
        await using var sw = await SwitchProcess.StartAsync();
        Assert.Contains("Ready: domain 127.0.0.1, 20 directory users", sw.Log, StringComparison.Ordinal);
        var started = DateTime.UtcNow;
        var code = await sw.StopAsync(TimeSpan.FromSeconds(5));
        Assert.True(code == 0, $"exit code {code?.ToString() ?? "none (killed after 5 s)"}\n{sw.Log}");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Contains("Stopped", sw.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warns_at_start_when_the_young_generation_budget_is_large_and_not_with_the_shipped_setting()
    {
        // What `dotnet run` (launchSettings.json) and the bench scripts start the switch with.
        using (var settings = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(
                   Path.Combine(RepoPaths.Root, "src", "Switch", "Properties", "launchSettings.json"))))
        {
            var shipped = settings.RootElement.GetProperty("profiles").GetProperty("Switch")
                .GetProperty("environmentVariables").GetProperty("DOTNET_GCgen0size").GetString();
            Assert.Equal(SwitchProcess.Gen0Size, shipped);
        }
        Assert.Contains($"DOTNET_GCgen0size:-{SwitchProcess.Gen0Size}", await File.ReadAllTextAsync(
            Path.Combine(RepoPaths.Root, "bench", "load", "lib.sh")), StringComparison.Ordinal);

        await using (var tuned = await SwitchProcess.StartAsync())
        {
            Assert.DoesNotContain("young-generation budget", tuned.Log, StringComparison.Ordinal);
        }
        await using var large = await SwitchProcess.StartAsync(gen0Size: "0x4000000");
        Assert.Contains("young-generation budget is 64 MB", large.Log, StringComparison.Ordinal);
        Assert.Contains("DOTNET_GCgen0size=0x400000", large.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rtp-ports", "5", "Rtp:Ports")]
    [InlineData("--sip-listen", "nowhere", "Sip:Listen")]
    [InlineData("--esl-listen", "0.0.0.0:8021", "default password is refused")]
    public async Task Bad_configuration_stops_at_once_with_exit_code_2_naming_the_key(string option, string value, string expected)
    {
        var result = await ExternalTool.RunAsync("dotnet", [RepoPaths.SwitchDll, option, value], TimeSpan.FromSeconds(30));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_option_the_readme_documents()
    {
        var result = await ExternalTool.RunAsync("dotnet", [RepoPaths.SwitchDll, "--help"], TimeSpan.FromSeconds(30));
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--sip-listen", "--esl-listen", "--esl-password", "--data-dir", "--rtp-ports", "--config", "--domain", "--log-level", "--siptrace" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
            Assert.Contains($"`{option}", await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md")), StringComparison.Ordinal);
        }
    }
}
