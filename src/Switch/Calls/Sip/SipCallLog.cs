using System.Net;
using Microsoft.Extensions.Logging;

namespace Switch.Calls.Sip;

internal static partial class SipCallLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "INVITE {CallId} from {Source} refused with 480: no controller is attached (no event socket client listens for channel events and no outbound socket is configured)")]
    public static partial void NoController(ILogger logger, string? callId, IPEndPoint source);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "INVITE {CallId} from {Source}: {Status} ({Why})")]
    public static partial void Refused(ILogger logger, string? callId, IPEndPoint source, int status, string why);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "SIP leg [{Uuid}]: {What}")]
    public static partial void LegProblem(ILogger logger, string uuid, string what);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Error, Message = "SIP call handler failed on {Method} {CallId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string method, string? callId);
}
