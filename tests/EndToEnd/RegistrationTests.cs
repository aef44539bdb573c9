using Switch.EndToEnd.Support;

namespace Switch.EndToEnd;

/// <summary>Real sipp phones registering with digest authentication, over UDP and TCP.</summary>
public sealed class RegistrationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sipp_registers_with_digest_and_the_binding_is_listed(bool tcp)
    {
        await using var sw = await SwitchProcess.StartAsync();
        var result = await Sipp.RunAsync("register-auth.xml", sw.SipPort, ["-s", "1003", "-au", "1003", "-ap", "1234"], tcp);
        Assert.True(result.ExitCode == 0, result.ToString());

        await using var esl = await EslRaw.ConnectAsync(sw.EslPort);
        await esl.ReadAsync();
        await esl.SendAsync("auth " + SwitchProcess.Password);
        await esl.ReadAsync();
        var listing = await esl.ApiAsync("show registrations");
        Assert.Contains("1003,127.0.0.1,", listing, StringComparison.Ordinal);
        Assert.Contains(tcp ? ",tcp," : ",udp,", listing, StringComparison.Ordinal);
        Assert.EndsWith("1 total.\n", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_challenged_then_forbidden_and_not_bound()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var result = await Sipp.RunAsync("register-forbidden.xml", sw.SipPort, ["-s", "1004", "-au", "1004", "-ap", "not-1234"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var unknown = await Sipp.RunAsync("register-forbidden.xml", sw.SipPort, ["-s", "4711", "-au", "4711", "-ap", "1234"]);
        Assert.True(unknown.ExitCode == 0, "an unknown user must be refused exactly like a wrong password\n" + unknown);

        await using var esl = await EslRaw.ConnectAsync(sw.EslPort);
        await esl.ReadAsync();
        await esl.SendAsync("auth " + SwitchProcess.Password);
        await esl.ReadAsync();
        Assert.Equal("\n0 total.\n", await esl.ApiAsync("show registrations"));
    }

    [Fact]
    public async Task Bindings_survive_a_restart_in_the_embedded_SQLite_store()
    {
        var dataDir = Directory.CreateTempSubdirectory("switch-restart-").FullName;
        int sipPort;
        await using (var first = await SwitchProcess.StartAsync(dataDir))
        {
            sipPort = first.SipPort;
            var result = await Sipp.RunAsync("register-auth.xml", first.SipPort, ["-s", "1005", "-au", "1005", "-ap", "1234"]);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(5)));
        }

        await using var second = await SwitchProcess.StartAsync(dataDir, sipPort);
        await using var esl = await EslRaw.ConnectAsync(second.EslPort);
        await esl.ReadAsync();
        await esl.SendAsync("auth " + SwitchProcess.Password);
        await esl.ReadAsync();
        Assert.Contains("1005,127.0.0.1,", await esl.ApiAsync("show registrations"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Options_to_the_switch_is_answered_200_with_Allow(bool tcp)
    {
        await using var sw = await SwitchProcess.StartAsync();
        var result = await Sipp.RunAsync("options.xml", sw.SipPort, tcp: tcp, calls: 5);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
