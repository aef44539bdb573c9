namespace Switch.Media;

/// <summary>A source of 8 kHz 16-bit mono audio pulled one frame at a time by a leg's 20 ms clock.</summary>
internal interface IAudioSource : IDisposable
{
    /// <summary>Fills <paramref name="samples"/>; returns how many were written (fewer only at the end, 0 when ended).</summary>
    int Read(Span<short> samples);

    /// <summary>Restarts from the beginning for another loop; false when the source cannot.</summary>
    bool Rewind();
}
