namespace Switch.Media;

/// <summary>The end of a playback, with the strings FreeSWITCH puts in its events.</summary>
internal sealed record PlaybackResult(PlaybackStatus Status, string Source, long SamplesPlayed, string? Error = null)
{
    /// <summary>CHANNEL_EXECUTE_COMPLETE Application-Response: "FILE PLAYED", "FILE NOT FOUND" or "PLAYBACK ERROR".</summary>
    public string ApplicationResponse => Status switch
    {
        PlaybackStatus.Completed or PlaybackStatus.Stopped => "FILE PLAYED",
        PlaybackStatus.NotFound => "FILE NOT FOUND",
        _ => "PLAYBACK ERROR",
    };

    /// <summary>PLAYBACK_STOP Playback-Status: "done" or "break".</summary>
    public string PlaybackStatusName => Status == PlaybackStatus.Stopped ? "break" : "done";
}
