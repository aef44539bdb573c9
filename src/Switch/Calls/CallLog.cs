using Microsoft.Extensions.Logging;

namespace Switch.Calls;

internal static partial class CallLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "A work item of the call of {Uuid} failed")]
    public static partial void WorkFailed(ILogger logger, Exception exception, string uuid);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "New channel {ChannelName} [{Uuid}] from {CallerIdNumber} to {Destination}")]
    public static partial void NewInbound(ILogger logger, string channelName, string uuid, string? callerIdNumber, string? destination);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Hangup {ChannelName} [{Uuid}] cause {Cause}")]
    public static partial void Hangup(ILogger logger, string channelName, string uuid, string cause);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Channel {ChannelName} [{Uuid}] idle in park for {Seconds} s; hanging up with {Cause}")]
    public static partial void ParkTimeout(ILogger logger, string channelName, string uuid, double seconds, string cause);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Channel [{Uuid}]: application '{Application}' is not available")]
    public static partial void UnknownApplication(ILogger logger, string uuid, string application);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Bad dial string '{DialString}': {Reason}")]
    public static partial void BadDialString(ILogger logger, string? dialString, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Dialing {Endpoint} failed")]
    public static partial void DialFailed(ILogger logger, Exception exception, string endpoint);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Signaling of [{Uuid}] failed during {Operation}")]
    public static partial void SignalingFailed(ILogger logger, Exception exception, string uuid, string operation);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Originate {DialString}: {Outcome}")]
    public static partial void OriginateDone(ILogger logger, string dialString, string outcome);
}
