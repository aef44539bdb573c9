using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Switch.Media;

/// <summary>
/// A parsed FreeSWITCH teletone spec (<c>tone_stream://</c> body): <c>%(on,off,f1[,f2...])</c> segments separated
/// by <c>;</c>, with <c>v=dB</c> (volume for the following segments), <c>l=N</c> (repeat the next segment N times)
/// and <c>L=N</c> / <c>loops=N</c> (repeat the whole spec; -1 forever). Other settings are ignored.
/// </summary>
internal sealed record ToneSpec(IReadOnlyList<ToneSegment> Segments, int Loops)
{
    public const double DefaultVolumeDb = -10;

    /// <summary>FreeSWITCH's <c>us-ring</c>: 2 s of 440+480 Hz, 4 s off.</summary>
    public const string UsRing = "%(2000,4000,440,480)";

    /// <summary>The default ringback as a playback source: <c>leg.Play(ToneSpec.RingbackStream)</c> loops until stopped.</summary>
    public const string RingbackStream = "tone_stream://" + UsRing + ";loops=-1";

    /// <summary>The ringback played by default while a b-leg rings: <see cref="UsRing"/> looping forever.</summary>
    public static readonly ToneSpec Ringback = new([new ToneSegment(2000, 4000, [440, 480], DefaultVolumeDb)], -1);

    public bool Equals(ToneSpec? other) =>
        other is not null && Loops == other.Loops && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => HashCode.Combine(Loops, Segments.Count);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ToneSpec? spec)
    {
        spec = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var segments = new List<ToneSegment>();
        var loops = 1;
        var volume = DefaultVolumeDb;
        var repeatNext = 1;
        var span = text.AsSpan();
        var position = 0;
        while (position < span.Length)
        {
            var rest = span[position..];
            var end = rest.StartsWith("%(") ? rest.IndexOf(')') + 1 : rest.IndexOf(';');
            if (end <= 0)
            {
                end = rest.Length;
            }

            var token = rest[..end].Trim();
            position += end;
            while (position < span.Length && (span[position] == ';' || char.IsWhiteSpace(span[position])))
            {
                position++;
            }

            if (token.IsEmpty)
            {
                continue;
            }

            if (token.StartsWith("%("))
            {
                if (!TryParseSegment(token, volume, out var segment))
                {
                    return false;
                }

                for (var i = 0; i < repeatNext; i++)
                {
                    segments.Add(segment);
                }

                repeatNext = 1;
                continue;
            }

            var equals = token.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            var key = token[..equals].Trim();
            var value = token[(equals + 1)..].Trim();
            if (key is "L" || key.Equals("loops", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out loops) || loops == 0 || loops < -1)
                {
                    return false;
                }
            }
            else if (key is "l")
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out repeatNext) || repeatNext is < 1 or > 1000)
                {
                    return false;
                }
            }
            else if (key is "v")
            {
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out volume) || volume is > 0 or < -100)
                {
                    return false;
                }
            }
        }

        if (segments.Count == 0)
        {
            return false;
        }

        spec = new ToneSpec(segments, loops);
        return true;
    }

    private static bool TryParseSegment(ReadOnlySpan<char> token, double volume, [NotNullWhen(true)] out ToneSegment? segment)
    {
        segment = null;
        if (!token.EndsWith(")"))
        {
            return false;
        }

        var inner = token[2..^1];
        var values = new List<double>(4);
        foreach (var range in inner.Split(','))
        {
            if (!double.TryParse(inner[range].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ||
                value < 0 || double.IsNaN(value) || double.IsInfinity(value))
            {
                return false;
            }

            values.Add(value);
        }

        if (values.Count < 2 || values[0] > 3_600_000 || values[1] > 3_600_000 || values.Count > 18 ||
            values.Skip(2).Any(f => f >= 4000) || (values[0] == 0 && values[1] == 0))
        {
            return false;
        }

        segment = new ToneSegment((int)values[0], (int)values[1], [.. values.Skip(2)], volume);
        return true;
    }
}
