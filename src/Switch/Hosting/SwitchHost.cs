using Microsoft.Extensions.Logging;

namespace Switch.Hosting;

/// <summary>The composition root: builds every part from the options and runs until cancelled.</summary>
internal static class SwitchHost
{
    public static async Task<int> RunAsync(SwitchOptions options, LogLevel logLevel, CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(logLevel).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
        }));
        var log = loggerFactory.CreateLogger("Switch");
        log.LogInformation("Switch starting: SIP {Sip}, event socket {Esl}", options.Sip.Listen, options.EventSocket.Listen);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }
}
