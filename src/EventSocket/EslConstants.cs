namespace Switch.EventSocket;

/// <summary>FreeSWITCH event-socket wire strings, each in one place.</summary>
public static class EslConstants
{
    public const string ContentTypeAuthRequest = "auth/request";
    public const string ContentTypeCommandReply = "command/reply";
    public const string ContentTypeApiResponse = "api/response";
    public const string ContentTypeEventPlain = "text/event-plain";
    public const string ContentTypeEventJson = "text/event-json";
    public const string ContentTypeEventXml = "text/event-xml";
    public const string ContentTypeDisconnectNotice = "text/disconnect-notice";
    public const string ContentTypeRudeRejection = "text/rude-rejection";
    public const string ContentTypeLogData = "log/data";
}
