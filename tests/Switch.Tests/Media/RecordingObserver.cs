using System.Collections.Concurrent;
using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>Collects leg notifications (they arrive on socket and clock threads).</summary>
internal sealed class RecordingObserver : IMediaLegObserver
{
    public ConcurrentQueue<DtmfDigit> Digits { get; } = new();

    public ConcurrentQueue<PlaybackResult> Playbacks { get; } = new();

    public void OnDtmf(MediaLeg leg, DtmfDigit digit) => Digits.Enqueue(digit);

    public void OnPlaybackCompleted(MediaLeg leg, PlaybackResult result) => Playbacks.Enqueue(result);
}
