using Microsoft.Extensions.Logging;

namespace Switch.Sip.Transport;

internal static partial class SipTransportLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "SIP listening on {Transport} {EndPoint}")]
    public static partial void Listening(ILogger logger, string transport, string endPoint);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Unparseable datagram from {Remote}: {Error}")]
    public static partial void BadDatagram(ILogger logger, string remote, string error);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Closing TCP connection {Id} to {Remote}: {Reason}")]
    public static partial void ClosingConnection(ILogger logger, long id, string remote, string reason);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Receive loop on {EndPoint} failed")]
    public static partial void ReceiveFailed(ILogger logger, string endPoint, Exception exception);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Debug, Message = "TCP connection {Id} from {Remote} accepted")]
    public static partial void Accepted(ILogger logger, long id, string remote);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Debug, Message = "UDP receive on {EndPoint} reported {Error}; continuing")]
    public static partial void ReceiveError(ILogger logger, string endPoint, string error);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Error, Message = "Message sink failed for a message from {Remote}")]
    public static partial void SinkFailed(ILogger logger, string remote, Exception exception);
}
