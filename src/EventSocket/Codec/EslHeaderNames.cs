namespace Switch.EventSocket;

/// <summary>Header names used on the event socket, spelled exactly as FreeSWITCH spells them.</summary>
public static class EslHeaderNames
{
    public const string ContentType = "Content-Type";
    public const string ContentLength = "Content-Length";
    public const string ReplyText = "Reply-Text";
    public const string JobUuid = "Job-UUID";
    public const string JobOwnerUuid = "Job-Owner-UUID";
    public const string JobCommand = "Job-Command";
    public const string JobCommandArg = "Job-Command-Arg";
    public const string EventName = "Event-Name";
    public const string EventSubclass = "Event-Subclass";
    public const string EventSequence = "Event-Sequence";
    public const string EventUuid = "Event-UUID";
    public const string UniqueId = "Unique-ID";
    public const string CoreUuid = "Core-UUID";
    public const string ControlledSessionUuid = "Controlled-Session-UUID";
    public const string ContentDisposition = "Content-Disposition";
    public const string ChannelName = "Channel-Name";
    public const string LingerTime = "Linger-Time";
    public const string SocketMode = "Socket-Mode";
    public const string Control = "Control";
    public const string LogLevel = "Log-Level";
    public const string TextChannel = "Text-Channel";
    public const string LogFile = "Log-File";
    public const string LogFunc = "Log-Func";
    public const string LogLine = "Log-Line";
    public const string UserData = "User-Data";
    public const string AllowedEvents = "Allowed-Events";
    public const string AllowedApi = "Allowed-API";
    public const string AllowedLog = "Allowed-LOG";
}
