namespace Switch.Media;

/// <summary>The WAVE format tags the switch reads.</summary>
internal enum WavEncoding
{
    Pcm16 = 1,
    ALaw = 6,
    MuLaw = 7,
}
