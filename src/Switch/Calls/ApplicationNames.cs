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

    private static readonly string[] Known =
    [
        Answer, PreAnswer, RingReady, Bridge, Hangup, Park, Set, Export, Sleep, Playback, Echo, EndlessPlayback, SendDtmf,
        PlayAndGetDigits, RecordSession, StopRecordSession,
    ];

    /// <summary>The constant for a known (lower-case) application name, else the name itself: channels keep one string per name.</summary>
    public static string Canonical(string name)
    {
        foreach (var known in Known)
        {
            if (string.Equals(known, name, StringComparison.Ordinal))
            {
                return known;
            }
        }
        return name;
    }

    /// <summary>Application-Response of an application this switch does not have.</summary>
    public const string InvalidApplicationResponse = "-ERR Invalid Application";
}
