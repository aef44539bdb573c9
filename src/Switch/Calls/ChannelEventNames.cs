namespace Switch.Calls;

/// <summary>The event names a channel fires (ESL-PROTOCOL.md §6.5), spelled once.</summary>
internal static class ChannelEventNames
{
    public const string Create = "CHANNEL_CREATE";
    public const string Destroy = "CHANNEL_DESTROY";
    public const string State = "CHANNEL_STATE";
    public const string CallState = "CHANNEL_CALLSTATE";
    public const string Answer = "CHANNEL_ANSWER";
    public const string Hangup = "CHANNEL_HANGUP";
    public const string HangupComplete = "CHANNEL_HANGUP_COMPLETE";
    public const string Execute = "CHANNEL_EXECUTE";
    public const string ExecuteComplete = "CHANNEL_EXECUTE_COMPLETE";
    public const string Hold = "CHANNEL_HOLD";
    public const string Unhold = "CHANNEL_UNHOLD";
    public const string Bridge = "CHANNEL_BRIDGE";
    public const string Unbridge = "CHANNEL_UNBRIDGE";
    public const string Progress = "CHANNEL_PROGRESS";
    public const string ProgressMedia = "CHANNEL_PROGRESS_MEDIA";
    public const string Outgoing = "CHANNEL_OUTGOING";
    public const string Park = "CHANNEL_PARK";
    public const string Unpark = "CHANNEL_UNPARK";
    public const string Originate = "CHANNEL_ORIGINATE";
    public const string Data = "CHANNEL_DATA";
}
