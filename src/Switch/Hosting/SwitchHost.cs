using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Switch.Hosting;

/// <summary>The composition root: builds every part from the options and runs until SIGTERM or Ctrl+C.</summary>
internal static class SwitchHost
{
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(SwitchOptions options, LogLevel logLevel, CancellationToken cancellationToken)
    {
        // SIGTERM (systemd, docker stop, kill) and SIGINT (Ctrl+C) both mean: stop cleanly.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        cancellationToken = stopping.Token;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }

        var forwarder = new EslLogForwarder(TimeProvider.System);
        using var loggers = LoggerFactory.Create(b => b
            .SetMinimumLevel(logLevel)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
            })
            .AddProvider(forwarder));
        var log = loggers.CreateLogger("Switch");
        var youngBudget = YoungGenerationBudget.Current();
        if (YoungGenerationBudget.IsTooLarge(youngBudget))
        {
            HostLog.LargeYoungGeneration(log, youngBudget!.Value / (1024 * 1024), YoungGenerationBudget.Recommended);
        }
        SwitchRuntime runtime;
        try
        {
            runtime = await SwitchRuntime.StartAsync(options, loggers, TimeProvider.System, forwarder, cancellationToken).ConfigureAwait(false);
        }
        catch (SwitchConfigurationException ex)
        {
            foreach (var error in ex.Errors)
            {
                await Console.Error.WriteLineAsync($"switch: configuration error: {error}").ConfigureAwait(false);
            }
            return SwitchCommandLine.ConfigurationError;
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            await Console.Error.WriteLineAsync($"switch: cannot listen: {ex.Message} (is another switch running on these ports?)").ConfigureAwait(false);
            return 1;
        }
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        HostLog.Stopping(log);
        var stop = runtime.DisposeAsync().AsTask();
        if (await Task.WhenAny(stop, Task.Delay(StopBudget, CancellationToken.None)).ConfigureAwait(false) != stop)
        {
            log.LogWarning("Stopping took longer than {Seconds} s; exiting anyway", StopBudget.TotalSeconds);
            return 0;
        }
        HostLog.Stopped(log);
        return 0;
    }
}
