namespace Switch.Calls;

/// <summary>The dialplan applications a controller can run through sendmsg execute.</summary>
internal static class ApplicationNames
{
    public const string Answer = "answer";
    public const string PreAnswer = "pre_answer";
    public const string RingReady = "ring_ready";
    public const string Bridge = "bridge";
    public const string Hangup = "hangup";
    public const string Park = "park";
    public const string Set = "set";
    public const string Export = "export";
    public const string Sleep = "sleep";
    public const string Playback = "playback";
    public const string Echo = "echo";
    public const string EndlessPlayback = "endless_playback";
    public const string SendDtmf = "send_dtmf";
    public const string PlayAndGetDigits = "play_and_get_digits";
    public const string RecordSession = "record_session";
    public const string StopRecordSession = "stop_record_session";

    /// <summary>Application-Response of an application this switch does not have.</summary>
    public const string InvalidApplicationResponse = "-ERR Invalid Application";
}
