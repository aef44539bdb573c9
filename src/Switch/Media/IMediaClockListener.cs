namespace Switch.Media;

/// <summary>Something paced by the media clock (a leg with a playback, DTMF to send or a recording).</summary>
internal interface IMediaClockListener
{
    /// <summary>Called about every 20 ms with the TimeProvider timestamp; must not block.</summary>
    void OnTick(long now);
}
