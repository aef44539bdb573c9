using System.Globalization;
using Switch.EndToEnd.Support;

namespace Switch.EndToEnd;

/// <summary>
/// The tools attackers point at SIP servers (Debian's sipvicious: svwar enumerates extensions, svcrack guesses
/// passwords) run against the switch: no extension can be told apart from a missing one, digest is the real
/// thing (svcrack finds a weak password in a short list), and a long guessing run gets the source banned.
/// </summary>
public sealed class AttackToolTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Svwar_cannot_enumerate_extensions_because_unknown_ones_are_challenged_too()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var result = await ExternalTool.RunAsync("svwar",
            ["-e", "998-1003", "-m", "REGISTER", "-P", Port(FreePorts.TcpAndUdp()), "-p", Port(sw.SipPort), "127.0.0.1"], Limit);

        var output = result.Output + result.Error;
        Assert.Contains("authentication request for an unknown extension", output, StringComparison.Ordinal);
        Assert.Contains("found nothing", output, StringComparison.Ordinal);
        Assert.False(sw.HasExited);
    }

    [Fact]
    public async Task Svcrack_finds_a_weak_password_with_standard_digest()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var words = Path.GetTempFileName();
        await File.WriteAllLinesAsync(words, ["0000", "secret", "1234", "4321"]);
        var result = await ExternalTool.RunAsync("svcrack",
            ["-u", "1000", "-d", words, "-P", Port(FreePorts.TcpAndUdp()), "-p", Port(sw.SipPort), "127.0.0.1"], Limit);
        File.Delete(words);

        Assert.Matches(@"\|\s*1000\s*\|\s*1234\s*\|", result.Output + result.Error);
    }

    [Fact]
    public async Task Svcrack_guessing_gets_the_source_banned_and_finds_nothing()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var words = Path.GetTempFileName();
        // 60 wrong guesses, then the right one: the ban (10 failures) must come first.
        await File.WriteAllLinesAsync(words, Enumerable.Range(0, 60).Select(i => $"guess{i}").Append("1234"));
        var result = await ExternalTool.RunAsync("svcrack",
            ["-u", "1001", "-d", words, "-t", "0.2", "-P", Port(FreePorts.TcpAndUdp()), "-p", Port(sw.SipPort), "127.0.0.1"], Limit);
        File.Delete(words);

        var output = result.Output + result.Error;
        Assert.DoesNotMatch(@"\|\s*1001\s*\|\s*1234\s*\|", output);
        Assert.Contains("found nothing", output, StringComparison.Ordinal);
        await sw.WaitForLogAsync("Banning 127.0.0.1 for 600 s after 10 failed authentications", TimeSpan.FromSeconds(10));
        Assert.False(sw.HasExited);
    }
}
