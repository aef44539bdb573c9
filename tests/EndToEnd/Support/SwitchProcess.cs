using System.Diagnostics;
using System.Text;

namespace Switch.EndToEnd.Support;

/// <summary>
/// The built switch executable, started on free loopback ports with its own data folder, stopped by PID
/// with SIGTERM (then SIGKILL if it does not stop in time).
/// </summary>
internal sealed class SwitchProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

    /// <summary>The data folder this instance created (deleted on dispose); null when the test gave its own.</summary>
    private readonly string? _ownedDataDir;

    private SwitchProcess(Process process, int sipPort, int eslPort, string dataDir, bool ownsDataDir)
    {
        _process = process;
        _ownedDataDir = ownsDataDir ? dataDir : null;
        SipPort = sipPort;
        EslPort = eslPort;
        DataDir = dataDir;
    }

    public int SipPort { get; }
    public int EslPort { get; }
    public string DataDir { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public const string Password = "ClueCon";

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The young-generation budget the shipped launchers set (src/Switch/Properties/launchSettings.json, bench/load/lib.sh).</summary>
    public const string Gen0Size = "0x400000";

    public static async Task<SwitchProcess> StartAsync(string? dataDir = null, int? sipPort = null, IEnumerable<string>? extraArgs = null,
        string gen0Size = Gen0Size)
    {
        var dll = RepoPaths.SwitchDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"the switch is not built: {dll} is missing (run dotnet build -c {RepoPaths.Configuration})");
        }
        var sip = sipPort ?? FreePorts.TcpAndUdp();
        var esl = FreePorts.TcpAndUdp();
        var extra = extraArgs?.ToList() ?? [];
        if (!extra.Contains("--rtp-ports"))
        {
            // Unless the test gives its own range (e.g. a tiny one), 200 free ports.
            var rtp = FreePorts.UdpRange(200);
            extra.AddRange(["--rtp-ports", $"{rtp}-{rtp + 199}"]);
        }
        var ownsDataDir = dataDir is null;
        dataDir ??= Directory.CreateTempSubdirectory("switch-e2e-").FullName;
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["DOTNET_GCgen0size"] = gen0Size;
        foreach (var a in new[] { dll, "--sip-listen", $"127.0.0.1:{sip}", "--esl-listen", $"127.0.0.1:{esl}",
                     "--data-dir", dataDir }.Concat(extra))
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the switch");
        var sw = new SwitchProcess(process, sip, esl, dataDir, ownsDataDir);
        process.OutputDataReceived += (_, e) => sw.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => sw.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await sw.WaitForLogAsync($"SIP listening on udp+tcp 127.0.0.1:{sip}", TimeSpan.FromSeconds(30));
            await sw.WaitForLogAsync($"Event socket listening on 127.0.0.1:{esl}", TimeSpan.FromSeconds(10));
            await sw.WaitForLogAsync("Ready: domain", TimeSpan.FromSeconds(10));
        }
        catch
        {
            await sw.DisposeAsync();
            throw;
        }
        return sw;
    }

    /// <summary>Completes when a log line containing <paramref name="text"/> has been printed.</summary>
    public Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        TaskCompletionSource seen;
        lock (_log)
        {
            if (_log.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }
            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((text, seen));
        }
        return seen.Task.WaitAsync(timeout).ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                throw new TimeoutException($"the switch did not log '{text}' within {timeout}. Log so far:\n{Log}");
            }
        }, TaskScheduler.Default);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
            for (var i = _waits.Count - 1; i >= 0; i--)
            {
                if (line.Contains(_waits[i].Text, StringComparison.Ordinal))
                {
                    _waits[i].Seen.TrySetResult();
                    _waits.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>Sends SIGTERM and waits for exit; returns the exit code, or null if it had to be killed.</summary>
    public async Task<int?> StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return _process.ExitCode;
        }
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(CancellationToken.None);
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        if (_ownedDataDir is not null)
        {
            try
            {
                Directory.Delete(_ownedDataDir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover folder in /tmp is not a test failure.
            }
        }
    }
}
