using System.Net;
using Microsoft.Extensions.Logging;

namespace Switch.EventSocket;

internal static partial class EslServerLog
{
    [LoggerMessage(1, LogLevel.Information, "Event socket listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, EndPoint endPoint);

    [LoggerMessage(2, LogLevel.Warning, "Event socket connection from {Remote} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(3, LogLevel.Debug, "Event socket connection {Id} from {Remote} opened")]
    public static partial void Opened(ILogger logger, long id, EndPoint? remote);

    [LoggerMessage(4, LogLevel.Debug, "Event socket connection {Id} closed")]
    public static partial void Closed(ILogger logger, long id);

    [LoggerMessage(5, LogLevel.Warning, "Event socket connection {Id} from {Remote} failed authentication")]
    public static partial void AuthFailed(ILogger logger, long id, EndPoint? remote);

    [LoggerMessage(6, LogLevel.Warning, "Event socket connection {Id} killed after losing {Lost} events (queue bound {Bound})")]
    public static partial void SlowConsumerKilled(ILogger logger, long id, long lost, int bound);

    [LoggerMessage(7, LogLevel.Warning, "Event socket connection {Id} closed on a framing error: {Status}")]
    public static partial void FramingError(ILogger logger, long id, EslReadStatus status);

    [LoggerMessage(8, LogLevel.Error, "Event socket command '{Command}' on connection {Id} threw")]
    public static partial void CommandFailed(ILogger logger, Exception exception, long id, string command);

    [LoggerMessage(9, LogLevel.Error, "Event socket background job {JobUuid} ({Command}) threw")]
    public static partial void JobFailed(ILogger logger, Exception exception, string jobUuid, string command);

    [LoggerMessage(10, LogLevel.Error, "Event socket accept loop failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Debug, "Event socket connection {Id} lost {Lost} events so far")]
    public static partial void EventsLost(ILogger logger, long id, long lost);

    [LoggerMessage(12, LogLevel.Information, "Outbound event socket for channel {Uuid} connected to {EndPoint}")]
    public static partial void OutboundConnected(ILogger logger, string uuid, EndPoint endPoint);

    [LoggerMessage(13, LogLevel.Warning, "Outbound event socket for channel {Uuid} to {EndPoint} failed: {Reason}")]
    public static partial void OutboundFailed(ILogger logger, string uuid, EndPoint endPoint, string reason);
}
