namespace Switch.Media;

/// <summary>Why a file cannot be played.</summary>
internal enum WavError
{
    None,
    NotFound,
    NotRiffWave,
    MissingFormat,
    MissingData,
    UnsupportedFormat,
    ReadFailed,
}
