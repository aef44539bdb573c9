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
        IReadOnlyList<MediaLeg> relayLegs = [];
        var probes = new List<ResidenceProbe>();
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
                string? legs = null;
                for (var attempt = 0; attempt < 5 && engine is null; attempt++)
                {
                    // Another process may hold part of a range: try another (below the ephemeral ports).
                    (engine, relayLegs, legs) = await TryCreateCallsAsync(options, phones[7..], 10000 + (2 * Random.Shared.Next(0, 5000)));
                }

                if (engine is null)
                {
                    await Console.Error.WriteLineAsync("cannot bind the legs' ports");
                    return 1;
                }

                if (options.Residence)
                {
                    foreach (var loop in engine.MediaLoops)
                    {
                        var probe = new ResidenceProbe();
                        probes.Add(probe);
                        loop.Probe = probe;
                    }
                }

                await child.StandardInput.WriteLineAsync("LEGS " + legs);
                await child.StandardInput.FlushAsync();
            }

            var process = Process.GetCurrentProcess();
            var cpuAt = TimeSpan.Zero;
            var cpu = TimeSpan.Zero;
            var packetsAt = 0L;
            var packets = 0L;
            string? result = null;
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                process.Refresh();
                if (line == "MEASURE")
                {
                    cpuAt = process.TotalProcessorTime;
                    packetsAt = relayLegs.Sum(leg => leg.GetStatistics().PacketsReceived);
                    probes.ForEach(p => p.Recording = true);
                }
                else if (line == "SENT")
                {
                    probes.ForEach(p => p.Recording = false);
                    cpu = process.TotalProcessorTime - cpuAt;
                    packets = relayLegs.Sum(leg => leg.GetStatistics().PacketsReceived) - packetsAt;
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
            if (engine is { MediaLoops.Count: > 0 } && options.Realtime)
            {
                mode += $" realtime={engine.MediaLoops.Count(l => l.IsRealtime)}/{engine.MediaLoops.Count}";
            }

            if (options.PhonesRealtime)
            {
                mode += " phones-realtime";
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"relay-load {mode} calls={options.Calls} transcode={options.Transcode} offered={options.OfferedRate}/s " +
                $"seconds={options.Seconds}: {result} {Residence(probes)} relaycpu={cpu.TotalSeconds / options.Seconds:F2} " +
                $"relayed={packets / (double)options.Seconds:F0}/s cpuus_per_packet={(packets == 0 ? 0 : cpu.TotalMicroseconds / packets):F2} " +
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

    /// <summary>
    /// The engine with all calls bridged and the legs' ports (<c>a0,a1,…;b0,b1,…</c>), or nulls (engine disposed)
    /// when a port could not be bound.
    /// </summary>
    private static async Task<(MediaEngine? Engine, IReadOnlyList<MediaLeg> Legs, string? Ports)> TryCreateCallsAsync(RelayLoadOptions options, string phones, int from)
    {
        var sides = phones.Split(';');
        var phonesA = sides[0].Split(',').Select(p => new IPEndPoint(IPAddress.Loopback, int.Parse(p, CultureInfo.InvariantCulture))).ToArray();
        var phonesB = sides[1].Split(',').Select(p => new IPEndPoint(IPAddress.Loopback, int.Parse(p, CultureInfo.InvariantCulture))).ToArray();
        var engine = new MediaEngine(
            new MediaOptions { BindAddress = IPAddress.Loopback, Ports = new RtpPortRange(from, from + (4 * options.Calls) + 200), RealtimePriority = options.Realtime },
            TimeProvider.System,
            NullLoggerFactory.Instance,
            options.Receive,
            options.MediaThreads);
        var portsA = new int[options.Calls];
        var portsB = new int[options.Calls];
        var legs = new List<MediaLeg>(2 * options.Calls);
        var codecB = options.Transcode ? RtpCodec.Pcma : RtpCodec.Pcmu;
        for (var call = 0; call < options.Calls; call++)
        {
            if (!engine.TryCreateLeg($"a{call}", null, out var a, out _) || !engine.TryCreateLeg($"b{call}", null, out var b, out _))
            {
                await engine.DisposeAsync();
                return (null, [], null);
            }

            a.Configure(new MediaLegSettings(phonesA[call % phonesA.Length], RtpCodec.Pcmu, 0, 101, 101));
            b.Configure(new MediaLegSettings(phonesB[call % phonesB.Length], codecB, codecB.PayloadType, 101, 101));
            MediaBridge.Connect(a, b);
            legs.Add(a);
            legs.Add(b);
            portsA[call] = a.LocalPort;
            portsB[call] = b.LocalPort;
        }

        return (engine, legs, string.Join(',', portsA) + ";" + string.Join(',', portsB));
    }

    /// <summary>The relay's own share per packet, all media threads merged (see <see cref="ResidenceProbe"/>).</summary>
    private static string Residence(List<ResidenceProbe> probes)
    {
        if (probes.Count == 0)
        {
            return "residence=n/a";
        }

        var residence = new LatencyHistogram();
        var wake = new LatencyHistogram();
        foreach (var probe in probes)
        {
            residence.AddFrom(probe.Residence);
            wake.AddFrom(probe.WakeToSent);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"residence_n={residence.Count} residence_p50us={residence.Percentile(0.5)} residence_p99us={residence.Percentile(0.99)} " +
            $"residence_p999us={residence.Percentile(0.999)} residence_maxus={residence.Percentile(1)} " +
            $"wake_to_sent_p50us={wake.Percentile(0.5)} wake_to_sent_p99us={wake.Percentile(0.99)} unstamped={probes.Sum(p => p.Unstamped)}");
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

        if (options.PhonesRealtime)
        {
            command.InsertRange(0, ["chrt", "-f", MediaThreadPriority.Priority.ToString(CultureInfo.InvariantCulture)]);
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
