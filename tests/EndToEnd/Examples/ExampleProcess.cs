using System.Diagnostics;
using System.Globalization;
using Switch.EndToEnd.Support;

namespace Switch.EndToEnd.Examples;

/// <summary>
/// One of the example programs (examples/*) running as its own process against the switch: its stdout is
/// collected line by line, a test waits for a given line with a timeout, and the process is stopped by PID
/// (SIGTERM, then killed if it does not go).
/// </summary>
internal sealed class ExampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly List<string> _lines = [];
    private readonly List<string> _errors = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waits = [];

    private ExampleProcess(Process process, string name)
    {
        _process = process;
        _name = name;
    }

    public int Pid => _process.Id;

    /// <summary>Every stdout line printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>stdout and stderr so far, for assertion messages.</summary>
    public string Transcript
    {
        get
        {
            lock (_lines)
            {
                return $"--- {_name} stdout ---\n{string.Join('\n', _lines)}\n--- {_name} stderr ---\n{string.Join('\n', _errors)}";
            }
        }
    }

    /// <summary>Starts examples/<paramref name="name"/> (the built dll) with <c>--esl 127.0.0.1:PORT</c> and <paramref name="args"/>.</summary>
    public static ExampleProcess StartDotnet(string name, int eslPort, IEnumerable<string>? args = null)
    {
        var dll = RepoPaths.ExampleDll(name);
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException(
                $"the example {name} is not built: {dll} is missing (run scripts/test.sh, or dotnet build -c {RepoPaths.Configuration} examples/{name})");
        }
        return Start("dotnet", [dll, "--esl", $"127.0.0.1:{eslPort.ToString(CultureInfo.InvariantCulture)}", .. args ?? []], name, null, null);
    }

    /// <summary>Starts examples/node/router.js with npm modesl from tests/EndToEnd/node/node_modules.</summary>
    public static ExampleProcess StartNodeRouter(int eslPort)
    {
        var modules = Path.Combine(RepoPaths.NodeDir, "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "modesl")))
        {
            throw new InvalidOperationException($"npm modesl is not installed in {RepoPaths.NodeDir}: run scripts/test.sh (it runs npm ci there).");
        }
        var dir = Path.Combine(RepoPaths.Root, "examples", "node");
        return Start(ExternalTool.Require("node"), ["router.js", "--esl", $"127.0.0.1:{eslPort.ToString(CultureInfo.InvariantCulture)}"],
            "node router.js", dir, new Dictionary<string, string> { ["NODE_PATH"] = modules });
    }

    private static ExampleProcess Start(string file, IEnumerable<string> args, string name, string? workingDirectory, IDictionary<string, string>? environment)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {name}");
        var example = new ExampleProcess(process, name);
        process.OutputDataReceived += (_, e) => example.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (example._lines)
                {
                    example._errors.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return example;
    }

    /// <summary>The first stdout line (already printed or still to come) that starts with <paramref name="prefix"/>.</summary>
    public Task<string> WaitForLineAsync(string prefix, TimeSpan timeout) =>
        WaitForLineAsync(l => l.StartsWith(prefix, StringComparison.Ordinal), prefix, timeout);

    public async Task<string> WaitForLineAsync(Func<string, bool> match, string description, TimeSpan timeout)
    {
        TaskCompletionSource<string> seen;
        lock (_lines)
        {
            foreach (var line in _lines)
            {
                if (match(line))
                {
                    return line;
                }
            }
            seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((match, seen));
        }
        try
        {
            return await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{_name} did not print '{description}' within {timeout}.\n{Transcript}");
        }
    }

    /// <summary>Waits for the program to end by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{_name} did not exit within {timeout}.\n{Transcript}");
        }
        _process.WaitForExit(); // flush the async readers
        return _process.ExitCode;
    }

    /// <summary>Sends <paramref name="signal"/> (TERM or INT) and waits; returns the exit code, or null if it had to be killed.</summary>
    public async Task<int?> StopAsync(TimeSpan timeout, string signal = "TERM")
    {
        if (_process.HasExited)
        {
            return _process.ExitCode;
        }
        using (var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(CancellationToken.None);
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            _process.WaitForExit();
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
            return null;
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lines)
        {
            _lines.Add(line);
            for (var i = _waits.Count - 1; i >= 0; i--)
            {
                if (_waits[i].Match(line))
                {
                    _waits[i].Seen.TrySetResult(line);
                    _waits.RemoveAt(i);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
