namespace Switch.Media;

/// <summary>How a playback ended.</summary>
internal enum PlaybackStatus
{
    /// <summary>Played to the end (all loops).</summary>
    Completed,

    /// <summary>Stopped early (break, a new playback, hangup).</summary>
    Stopped,

    /// <summary>The file does not exist.</summary>
    NotFound,

    /// <summary>Bad spec, unreadable or unsupported file, or a codec the switch cannot generate.</summary>
    Failed,
}
