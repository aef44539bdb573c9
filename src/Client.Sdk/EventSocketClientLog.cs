using Microsoft.Extensions.Logging;

namespace Switch.Client;

/// <summary>Source-generated log messages of the client.</summary>
internal static partial class EventSocketClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Event socket connection to {Peer} ended: {Reason}")]
    public static partial void TransportClosed(ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Unsolicited {ContentType} from {Peer}: {ReplyText}")]
    public static partial void UnsolicitedReply(ILogger logger, string peer, string? contentType, string? replyText);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Malformed {ContentType} event from {Peer} ignored")]
    public static partial void MalformedEvent(ILogger logger, string peer, string contentType);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Connected to the event socket at {Peer}")]
    public static partial void Connected(ILogger logger, string peer);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Event socket connection to {Peer} lost: {Reason}; reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Reconnect attempt {Attempt} to {Peer} in {DelayMs} ms")]
    public static partial void ReconnectScheduled(ILogger logger, int attempt, string peer, long delayMs);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Reconnect attempt {Attempt} to {Peer} failed: {Reason}")]
    public static partial void ReconnectFailed(ILogger logger, int attempt, string peer, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Reconnected to {Peer}; resumed {Replayed} events, {Missed} missed (resume {ResumeState})")]
    public static partial void Reconnected(ILogger logger, string peer, long replayed, long missed, string resumeState);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Event subscriber fell {Capacity} events behind and was dropped")]
    public static partial void SubscriberOverflow(ILogger logger, int capacity);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Event handler threw")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Outbound connection from {Peer} failed during setup: {Reason}")]
    public static partial void OutboundSetupFailed(ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Outbound session handler for {UniqueId} threw")]
    public static partial void OutboundHandlerFailed(ILogger logger, string uniqueId, Exception exception);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "Disconnect notice from {Peer}: {Disposition}")]
    public static partial void DisconnectNotice(ILogger logger, string peer, string disposition);
}
