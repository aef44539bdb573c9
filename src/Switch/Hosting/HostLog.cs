using Microsoft.Extensions.Logging;

namespace Switch.Hosting;

internal static partial class HostLog
{
    [LoggerMessage(3, LogLevel.Information, "Ready: domain {Domain}, {Users} directory users")]
    public static partial void Ready(ILogger logger, string domain, int users);

    [LoggerMessage(4, LogLevel.Warning, "The default password 1234 is in use on the non-loopback SIP listener {EndPoint}: set directory users with their own passwords (see docs/OPERATIONS.md)")]
    public static partial void DefaultPasswords(ILogger logger, string endPoint);

    [LoggerMessage(8, LogLevel.Warning, "The runtime's young-generation budget is {BudgetMb} MB (sized from the CPU cache): garbage collections can pause SIP processing for tens of milliseconds under load. Start the switch with DOTNET_GCgen0size={Recommended} (see docs/OPERATIONS.md)")]
    public static partial void LargeYoungGeneration(ILogger logger, long budgetMb, string recommended);

    [LoggerMessage(5, LogLevel.Warning, "A part of the switch did not stop cleanly")]
    public static partial void StopFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Stopping")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(7, LogLevel.Information, "Stopped")]
    public static partial void Stopped(ILogger logger);
}
