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

    /// <summary>Body of the normal disconnect notice (67 bytes).</summary>
    public const string DisconnectNoticeBody = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

    /// <summary>Body of the disconnect notice sent to every connection when the server shuts down.</summary>
    public const string ShutdownNoticeBody = "The system is being shut down.\n";

    /// <summary>Body of the disconnect notice sent to a connection killed for losing events.</summary>
    public const string LostEventsNoticeBody = "killed listener because of lost events\n";

    /// <summary>Body of the rude rejection sent to a client refused by the ACL (24 bytes).</summary>
    public const string RudeRejectionBody = "Access Denied, go away.\n";

    /// <summary>Default inbound port of FreeSWITCH's mod_event_socket.</summary>
    public const int DefaultInboundPort = 8021;

    /// <summary>Default password of FreeSWITCH's mod_event_socket.</summary>
    public const string DefaultPassword = "ClueCon";

    /// <summary>Largest command body FS accepts (16 MiB).</summary>
    public const int MaxCommandBodyBytes = 16 * 1024 * 1024;
}
