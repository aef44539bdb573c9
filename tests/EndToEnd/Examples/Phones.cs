using Switch.EndToEnd.Support;

namespace Switch.EndToEnd.Examples;

/// <summary>
/// sipp phones for the example tests. The registrar sends calls to the REGISTER's source address, so a callee
/// registers from the very port its UAS then listens on, with exactly one binding per user.
/// </summary>
internal static class Phones
{
    public const string Password = "1234";

    /// <summary>Registers <paramref name="user"/>, then runs <paramref name="scenario"/> as a UAS on the same port in the background.</summary>
    public static async Task<Task<ExternalTool.Result>> RegisterAndServeAsync(SwitchProcess sw, string user, string scenario,
        IEnumerable<string>? args = null, int calls = 1, TimeSpan? timeout = null)
    {
        var port = FreePorts.TcpAndUdp();
        var register = await Sipp.RunAsync("register-auth.xml", sw.SipPort, ["-s", user, "-au", user, "-ap", Password],
            timeout: TimeSpan.FromSeconds(10), localPort: port);
        Assert.True(register.ExitCode == 0, $"registering {user} failed\n{register}");
        return Sipp.ServeAsync(scenario, port, args, calls, timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>Arguments for a caller scenario that authenticates as <paramref name="caller"/> and dials <paramref name="callee"/>.</summary>
    public static string[] Caller(string caller, string callee, params string[] more) =>
        ["-s", callee, "-key", "caller", caller, "-au", caller, "-ap", Password, .. more];
}
