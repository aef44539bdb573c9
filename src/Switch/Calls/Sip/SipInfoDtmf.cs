using System.Globalization;
using System.Text;

namespace Switch.Calls.Sip;

/// <summary>
/// A key press carried in a SIP INFO body: <c>application/dtmf-relay</c> (<c>Signal=5\r\nDuration=160</c>, the
/// duration in milliseconds) or <c>application/dtmf</c> (the key alone). Signals 10 and 11 are <c>*</c> and
/// <c>#</c>; anything else than 0-9, *, #, A-D is refused. Never throws.
/// </summary>
internal readonly record struct SipInfoDtmf(char Digit, int DurationSamples)
{
    /// <summary>FreeSWITCH's duration when the body gives none: 250 ms at 8 kHz.</summary>
    public const int DefaultDurationSamples = 2000;

    private const int SamplesPerMs = 8;
    private const int MaxBodyBytes = 1024;

    /// <summary>True when the content type is a DTMF body (the request is then answered and the key reported).</summary>
    public static bool IsDtmfContent(string? contentType) => MediaType(contentType) is "application/dtmf-relay" or "application/dtmf";

    public static bool TryParse(string? contentType, ReadOnlySpan<byte> body, out SipInfoDtmf dtmf)
    {
        dtmf = default;
        var type = MediaType(contentType);
        if (type is null || body.IsEmpty || body.Length > MaxBodyBytes)
        {
            return false;
        }
        var text = Encoding.ASCII.GetString(body);
        if (type == "application/dtmf")
        {
            return TryDigit(text.Trim(), out var key) && Set(key, null, out dtmf);
        }
        if (type != "application/dtmf-relay")
        {
            return false;
        }
        string? signal = null;
        string? duration = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }
            var name = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (name.Equals("Signal", StringComparison.OrdinalIgnoreCase))
            {
                signal = value;
            }
            else if (name.Equals("Duration", StringComparison.OrdinalIgnoreCase))
            {
                duration = value;
            }
        }
        return signal is not null && TryDigit(signal, out var digit) && Set(digit, duration, out dtmf);
    }

    private static bool Set(char digit, string? durationMs, out SipInfoDtmf dtmf)
    {
        var samples = int.TryParse(durationMs, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0 && ms <= 60_000
            ? ms * SamplesPerMs
            : DefaultDurationSamples;
        dtmf = new SipInfoDtmf(digit, samples);
        return true;
    }

    private static bool TryDigit(string value, out char digit)
    {
        digit = default;
        if (value == "10")
        {
            digit = '*';
            return true;
        }
        if (value == "11")
        {
            digit = '#';
            return true;
        }
        if (value.Length != 1)
        {
            return false;
        }
        var c = char.ToUpperInvariant(value[0]);
        if (c is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D'))
        {
            digit = c;
            return true;
        }
        return false;
    }

    private static string? MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }
        var semicolon = contentType.IndexOf(';');
        var type = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return type.Equals("application/dtmf-relay", StringComparison.OrdinalIgnoreCase) ? "application/dtmf-relay"
            : type.Equals("application/dtmf", StringComparison.OrdinalIgnoreCase) ? "application/dtmf"
            : null;
    }
}
