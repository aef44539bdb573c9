using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Switch.Tests.Registrar;

/// <summary>
/// A throw-away redis-server on a free loopback port, persistence off; stopped by its PID on dispose.
/// Shared by the Redis store tests through an xunit class fixture.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private const string Executable = "/usr/bin/redis-server";
    private Process? _process;

    public int Port { get; private set; }

    public string Configuration => $"127.0.0.1:{Port},connectTimeout=5000,syncTimeout=5000";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is required by the Redis binding store tests (apt-get install redis-server)");
        }
        for (var attempt = 0; attempt < 5 && _process is null; attempt++)
        {
            Port = FreePort();
            var start = new ProcessStartInfo(Executable)
            {
                ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
            process.OutputDataReceived += static (_, _) => { };
            process.ErrorDataReceived += static (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (await WaitUntilListeningAsync(process, Port, TimeSpan.FromSeconds(10)))
            {
                _process = process;
            }
            else
            {
                Stop(process);
            }
        }
        if (_process is null)
        {
            throw new InvalidOperationException("redis-server did not come up on a free port");
        }
    }

    public Task DisposeAsync()
    {
        if (_process is not null)
        {
            Stop(_process);
        }
        return Task.CompletedTask;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> WaitUntilListeningAsync(Process process, int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await client.ConnectAsync(IPAddress.Loopback, port, cts.Token);
                return true;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                await Task.Delay(50);
            }
        }
        return false;
    }
}
