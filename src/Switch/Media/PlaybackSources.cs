using System.Globalization;

namespace Switch.Media;

/// <summary>
/// Opens a FreeSWITCH-style playback source: <c>tone_stream://</c>, <c>silence_stream://</c> or a WAV path
/// (optionally <c>file://</c>). Returns <see cref="PlaybackStatus.Completed"/> when the source opened, else
/// NotFound or Failed with the reason.
/// </summary>
internal static class PlaybackSources
{
    public const string ToneStreamPrefix = "tone_stream://";
    public const string SilenceStreamPrefix = "silence_stream://";
    public const string FilePrefix = "file://";

    /// <summary>
    /// The playback source for a ringback value as FreeSWITCH's <c>ringback</c> channel variable takes it: a tone spec
    /// (<c>%(2000,4000,440,480)</c>, with or without <c>tone_stream://</c>), <c>silence</c>, or a file (an absolute
    /// path, a <c>scheme://</c> source, or a <c>.wav</c> name relative to the sounds directory).
    /// </summary>
    public static string ForRingback(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Contains("://", StringComparison.Ordinal) || trimmed.StartsWith('/') ||
            trimmed.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed;
        }

        return trimmed.StartsWith("silence", StringComparison.OrdinalIgnoreCase)
            ? SilenceStreamPrefix + "-1"
            : ToneStreamPrefix + trimmed;
    }

    public static PlaybackStatus TryOpen(string spec, string? soundsDirectory, out IAudioSource? source, out string? error)
    {
        source = null;
        error = null;
        if (spec.StartsWith(ToneStreamPrefix, StringComparison.OrdinalIgnoreCase))
        {
            if (!ToneSpec.TryParse(spec[ToneStreamPrefix.Length..], out var tone))
            {
                error = "invalid tone spec";
                return PlaybackStatus.Failed;
            }

            source = new ToneSource(tone);
            return PlaybackStatus.Completed;
        }

        if (spec.StartsWith(SilenceStreamPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var text = spec.AsSpan(SilenceStreamPrefix.Length);
            var comma = text.IndexOf(',');
            if (comma >= 0)
            {
                text = text[..comma];
            }

            if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
            {
                error = "invalid silence duration";
                return PlaybackStatus.Failed;
            }

            source = new SilenceSource(ms);
            return PlaybackStatus.Completed;
        }

        var path = spec.StartsWith(FilePrefix, StringComparison.OrdinalIgnoreCase) ? spec[FilePrefix.Length..] : spec;
        if (!Path.IsPathRooted(path) && soundsDirectory is not null)
        {
            path = Path.Combine(soundsDirectory, path);
        }

        var wavError = WavSource.TryOpen(path, out var wav);
        source = wav;
        if (wavError == WavError.None)
        {
            return PlaybackStatus.Completed;
        }

        error = wavError.ToString();
        return wavError == WavError.NotFound ? PlaybackStatus.NotFound : PlaybackStatus.Failed;
    }
}
