namespace Switch.Client;

/// <summary>FreeSWITCH event names and CUSTOM subclasses the SDK knows by name (spelled as on the wire).</summary>
public static class EventNames
{
    public const string All = "ALL";
    public const string Custom = "CUSTOM";
    public const string ChannelCreate = "CHANNEL_CREATE";
    public const string ChannelDestroy = "CHANNEL_DESTROY";
    public const string ChannelState = "CHANNEL_STATE";
    public const string ChannelCallState = "CHANNEL_CALLSTATE";
    public const string ChannelAnswer = "CHANNEL_ANSWER";
    public const string ChannelHangup = "CHANNEL_HANGUP";
    public const string ChannelHangupComplete = "CHANNEL_HANGUP_COMPLETE";
    public const string ChannelExecute = "CHANNEL_EXECUTE";
    public const string ChannelExecuteComplete = "CHANNEL_EXECUTE_COMPLETE";
    public const string ChannelBridge = "CHANNEL_BRIDGE";
    public const string ChannelUnbridge = "CHANNEL_UNBRIDGE";
    public const string ChannelProgress = "CHANNEL_PROGRESS";
    public const string ChannelProgressMedia = "CHANNEL_PROGRESS_MEDIA";
    public const string ChannelOutgoing = "CHANNEL_OUTGOING";
    public const string ChannelPark = "CHANNEL_PARK";
    public const string ChannelUnpark = "CHANNEL_UNPARK";
    public const string ChannelOriginate = "CHANNEL_ORIGINATE";
    public const string ChannelData = "CHANNEL_DATA";
    public const string Dtmf = "DTMF";
    public const string BackgroundJob = "BACKGROUND_JOB";
    public const string Heartbeat = "HEARTBEAT";

    /// <summary>CUSTOM subclass fired when a phone registers (or refreshes).</summary>
    public const string SofiaRegister = "sofia::register";

    /// <summary>CUSTOM subclass fired when a phone unregisters.</summary>
    public const string SofiaUnregister = "sofia::unregister";

    /// <summary>CUSTOM subclass fired when a registration times out.</summary>
    public const string SofiaExpire = "sofia::expire";

    /// <summary>The channel events <see cref="Channel"/> needs to follow a call.</summary>
    public static IReadOnlyList<string> ChannelLifecycle { get; } =
    [
        ChannelCreate, ChannelAnswer, ChannelPark, ChannelBridge, ChannelUnbridge, ChannelHangup,
        ChannelHangupComplete, ChannelExecuteComplete, ChannelProgress, ChannelProgressMedia, Dtmf,
    ];
}
