using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Media;

namespace Switch.Benchmarks.Media;

/// <summary>
/// <c>relay-load</c>: N bridged calls in a <see cref="MediaEngine"/> in this process, driven by
/// <see cref="RelayPhones"/> in a child process, so this process's CPU time is the relay's alone. Prints the
/// child's figures with this process's CPU per second of the measured window and the load average.
/// </summary>
internal static class RelayLoad
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!RelayLoadOptions.TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error + Environment.NewLine + RelayLoadOptions.Usage);
            return 2;
        }

        var loadBefore = LoadAverage();
        using var child = StartPhones(options);
        MediaEngine? engine = null;
        try
        {
            var phones = await child.StandardOutput.ReadLineAsync();
            if (phones is null || !phones.StartsWith("PHONES ", StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync("phones did not start: " + phones + await child.StandardError.ReadToEndAsync());
                return 1;
            }

            if (!options.Direct)
            {
                engine = CreateCalls(options, phones[7..], out var legs);
                await child.StandardInput.WriteLineAsync("LEGS " + legs);
                await child.StandardInput.FlushAsync();
            }

            var process = Process.GetCurrentProcess();
            var cpuAt = TimeSpan.Zero;
            var cpu = TimeSpan.Zero;
            string? result = null;
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                process.Refresh();
                if (line == "MEASURE")
                {
                    cpuAt = process.TotalProcessorTime;
                }
                else if (line == "SENT")
                {
                    cpu = process.TotalProcessorTime - cpuAt;
                }
                else if (line.StartsWith("RESULT ", StringComparison.Ordinal))
                {
                    result = line[7..];
                }
            }

            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (result is null)
            {
                await Console.Error.WriteLineAsync("no result from the phones: " + await child.StandardError.ReadToEndAsync());
                return 1;
            }

            var mode = options.Direct ? "direct (no switch)"
                : engine!.MediaLoops.Count > 0 ? $"switch epoll x{engine.MediaLoops.Count}" : "switch async";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"relay-load {mode} calls={options.Calls} transcode={options.Transcode} offered={options.OfferedRate}/s " +
                $"seconds={options.Seconds}: {result} relaycpu={cpu.TotalSeconds / options.Seconds:F2} " +
                $"load={loadBefore} -> {LoadAverage()}"));
            return 0;
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }

            if (engine is not null)
            {
                await engine.DisposeAsync();
            }
        }
    }

    private static MediaEngine CreateCalls(RelayLoadOptions options, string phones, out string legs)
    {
        var sides = phones.Split(';');
        var phonesA = sides[0].Split(',').Select(p => new IPEndPoint(IPAddress.Loopback, int.Parse(p, CultureInfo.InvariantCulture))).ToArray();
        var phonesB = sides[1].Split(',').Select(p => new IPEndPoint(IPAddress.Loopback, int.Parse(p, CultureInfo.InvariantCulture))).ToArray();
        var from = 20000 + (2 * Random.Shared.Next(0, 4000));
        var engine = new MediaEngine(
            new MediaOptions { BindAddress = IPAddress.Loopback, Ports = new RtpPortRange(from, from + (4 * options.Calls) + 200) },
            TimeProvider.System,
            NullLoggerFactory.Instance,
            options.Receive,
            options.MediaThreads);
        var portsA = new int[options.Calls];
        var portsB = new int[options.Calls];
        var codecB = options.Transcode ? RtpCodec.Pcma : RtpCodec.Pcmu;
        for (var call = 0; call < options.Calls; call++)
        {
            if (!engine.TryCreateLeg($"a{call}", null, out var a, out var error) || !engine.TryCreateLeg($"b{call}", null, out var b, out error))
            {
                throw new InvalidOperationException("cannot create legs: " + error);
            }

            a.Configure(new MediaLegSettings(phonesA[call % phonesA.Length], RtpCodec.Pcmu, 0, 101, 101));
            b.Configure(new MediaLegSettings(phonesB[call % phonesB.Length], codecB, codecB.PayloadType, 101, 101));
            MediaBridge.Connect(a, b);
            portsA[call] = a.LocalPort;
            portsB[call] = b.LocalPort;
        }

        legs = string.Join(',', portsA) + ";" + string.Join(',', portsB);
        return engine;
    }

    private static Process StartPhones(RelayLoadOptions options)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var command = new List<string> { host };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal))
        {
            command.Add(typeof(RelayLoad).Assembly.Location);
        }

        command.Add("relay-phones");
        command.AddRange(options.TrafficArguments());
        if (options.PhonesCpu is { } cpu)
        {
            command.InsertRange(0, ["taskset", "-c", cpu.ToString(CultureInfo.InvariantCulture)]);
        }

        start.FileName = command[0];
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("cannot start " + host);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join('/', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
