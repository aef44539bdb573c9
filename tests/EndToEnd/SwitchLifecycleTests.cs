using Switch.EndToEnd.Support;

namespace Switch.EndToEnd;

/// <summary>The executable as an operator runs it: start, listen, stop on SIGTERM, refuse bad configuration.</summary>
public sealed class SwitchLifecycleTests
{
    [Fact]
    public async Task Starts_with_embedded_defaults_and_stops_cleanly_on_SIGTERM_within_5_seconds()
    {
        var sw = await SwitchProcess.StartAsync();
        Assert.Contains("Ready: domain 127.0.0.1, 20 directory users", sw.Log, StringComparison.Ordinal);
        var started = DateTime.UtcNow;
        var code = await sw.StopAsync(TimeSpan.FromSeconds(5));
        Assert.True(code == 0, $"exit code {code?.ToString() ?? "none (killed after 5 s)"}\n{sw.Log}");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Contains("Stopped", sw.Log, StringComparison.Ordinal);
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
