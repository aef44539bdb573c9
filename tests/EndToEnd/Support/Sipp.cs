namespace Switch.EndToEnd.Support;

/// <summary>Runs sipp against the switch on loopback, bounded in calls and time.</summary>
internal static class Sipp
{
    public static Task<ExternalTool.Result> RunAsync(string scenario, int remotePort, IEnumerable<string>? args = null,
        bool tcp = false, int calls = 1, TimeSpan? timeout = null, int? localPort = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var all = new List<string>
        {
            $"127.0.0.1:{remotePort}", "-sf", Path.Combine(RepoPaths.Scenarios, scenario),
            "-i", "127.0.0.1", "-p", (localPort ?? FreePorts.TcpAndUdp()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-m", calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-nostdin", "-timeout", $"{(int)limit.TotalSeconds}s", "-timeout_error", "-max_recv_loops", "1000",
        };
        if (tcp)
        {
            all.AddRange(["-t", "t1"]);
        }
        all.AddRange(args ?? []);
        return ExternalTool.RunAsync("sipp", all, limit + TimeSpan.FromSeconds(15));
    }

    /// <summary>A sipp UAS (callee) running in the background until it has handled its calls or times out.</summary>
    public static Task<ExternalTool.Result> ServeAsync(string scenario, int localPort, IEnumerable<string>? args = null,
        int calls = 1, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(40);
        var all = new List<string>
        {
            "-sf", Path.Combine(RepoPaths.Scenarios, scenario), "-i", "127.0.0.1",
            "-p", localPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-m", calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-nostdin", "-timeout", $"{(int)limit.TotalSeconds}s",
        };
        all.AddRange(args ?? []);
        return ExternalTool.RunAsync("sipp", all, limit + TimeSpan.FromSeconds(15));
    }
}
