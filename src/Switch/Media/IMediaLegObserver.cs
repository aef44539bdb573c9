namespace Switch.Media;

/// <summary>
/// Notifications from a leg. Called on socket or clock threads: implementations post to the call's mailbox
/// and return at once.
/// </summary>
internal interface IMediaLegObserver
{
    /// <summary>A DTMF digit was received on the leg (once per key press).</summary>
    void OnDtmf(MediaLeg leg, DtmfDigit digit);

    /// <summary>A playback ended (also available as <see cref="Playback.Completion"/>).</summary>
    void OnPlaybackCompleted(MediaLeg leg, PlaybackResult result);
}
