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
