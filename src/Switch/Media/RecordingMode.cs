namespace Switch.Media;

/// <summary>What a recording of a leg captures.</summary>
internal enum RecordingMode
{
    /// <summary>Only the audio received from the leg's remote party.</summary>
    Received,

    /// <summary>Received and sent audio mixed: both sides of the conversation.</summary>
    Mixed,
}
