using Microsoft.Extensions.Logging;

namespace Switch.Sip.Transactions;

internal static partial class SipTransactionLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Dropped {What} from {Flow}: {Reason}")]
    public static partial void Dropped(ILogger logger, string what, string flow, string reason);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Sending to {Target} failed")]
    public static partial void SendFailed(ILogger logger, string target, Exception exception);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Transaction user failed on {Method} {CallId}")]
    public static partial void HandlerFailed(ILogger logger, string method, string? callId, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Rejected {Method} from {Flow} with {Status} {Reason}")]
    public static partial void Rejected(ILogger logger, string method, string flow, int status, string? reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "Transaction {Branch} {Method} timed out")]
    public static partial void TimedOut(ILogger logger, string branch, string method);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "A transaction timer failed")]
    public static partial void TimerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Ignored response {Status} in state {State} of {Branch}")]
    public static partial void IgnoredResponse(ILogger logger, int status, SipTransactionState state, string branch);
}
