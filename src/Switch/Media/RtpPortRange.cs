using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Switch.Media;

/// <summary>The UDP port range for RTP (<c>--rtp-ports FROM-TO</c>), inclusive.</summary>
internal sealed record RtpPortRange(int From, int To)
{
    public static readonly RtpPortRange Default = new(16384, 32767);

    /// <summary>Number of RTP/RTCP pairs (even RTP port, odd RTCP port) the range holds.</summary>
    public int PairCount => Math.Max(0, ((To - FirstEven) + 1) / 2);

    private int FirstEven => From % 2 == 0 ? From : From + 1;

    /// <summary>Parses <c>FROM-TO</c>: 1024 ≤ FROM &lt; TO ≤ 65535 with room for at least one even/odd pair.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RtpPortRange? range, out string? error)
    {
        range = null;
        var span = (text ?? string.Empty).AsSpan().Trim();
        var dash = span.IndexOf('-');
        if (dash <= 0 ||
            !int.TryParse(span[..dash].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var from) ||
            !int.TryParse(span[(dash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            error = "expected FROM-TO, e.g. 16384-32767";
            return false;
        }

        if (from < 1024 || to > 65535 || from >= to)
        {
            error = "ports must satisfy 1024 <= FROM < TO <= 65535";
            return false;
        }

        var candidate = new RtpPortRange(from, to);
        if (candidate.PairCount == 0)
        {
            error = "range holds no even RTP port with its odd RTCP port";
            return false;
        }

        range = candidate;
        error = null;
        return true;
    }

    internal IEnumerable<int> EvenPorts()
    {
        for (var port = FirstEven; port + 1 <= To; port += 2)
        {
            yield return port;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From}-{To}");
}
