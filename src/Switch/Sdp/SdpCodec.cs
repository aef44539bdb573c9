using System.Globalization;

namespace Switch.Sdp;

/// <summary>
/// One RTP payload format of an m-line: payload type number, encoding name, clock rate, channels and the
/// fmtp parameters (RFC 4566 §6 rtpmap/fmtp, RFC 3551 static payload types).
/// </summary>
internal sealed record SdpCodec(int PayloadType, string EncodingName, int ClockRate, int Channels = 1, string? Fmtp = null)
{
    public const string PcmuName = "PCMU";
    public const string PcmaName = "PCMA";
    public const string TelephoneEventName = "telephone-event";
    public const string ComfortNoiseName = "CN";
    public const int DefaultTelephoneEventPayloadType = 101;

    public static readonly SdpCodec Pcmu = new(0, PcmuName, 8000);
    public static readonly SdpCodec Pcma = new(8, PcmaName, 8000);
    public static readonly SdpCodec TelephoneEvent = new(DefaultTelephoneEventPayloadType, TelephoneEventName, 8000, 1, "0-16");

    /// <summary>The codecs the switch itself can encode, decode and transcode, in its preference order.</summary>
    public static readonly IReadOnlyList<SdpCodec> Supported = [Pcmu, Pcma];

    public bool IsTelephoneEvent => string.Equals(EncodingName, TelephoneEventName, StringComparison.OrdinalIgnoreCase);

    public bool IsComfortNoise => string.Equals(EncodingName, ComfortNoiseName, StringComparison.OrdinalIgnoreCase);

    /// <summary>PCMU or PCMA at 8 kHz: a codec the switch can play to, record and transcode.</summary>
    public bool IsG711 =>
        ClockRate == 8000 &&
        (string.Equals(EncodingName, PcmuName, StringComparison.OrdinalIgnoreCase) ||
         string.Equals(EncodingName, PcmaName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Same encoding (name case-insensitive, clock rate, channels); payload type numbers may differ.</summary>
    public bool IsSameFormat(SdpCodec other) =>
        string.Equals(EncodingName, other.EncodingName, StringComparison.OrdinalIgnoreCase) &&
        ClockRate == other.ClockRate &&
        Channels == other.Channels;

    /// <summary>The rtpmap value: <c>0 PCMU/8000</c>, <c>120 opus/48000/2</c>.</summary>
    public string RtpMapValue =>
        Channels == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}")
            : string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}/{Channels}");

    public SdpCodec WithPayloadType(int payloadType) => this with { PayloadType = payloadType };

    /// <summary>The RFC 3551 table of static payload types used when an m-line has no rtpmap for them.</summary>
    public static SdpCodec? FromStaticPayloadType(int payloadType) =>
        (uint)payloadType < (uint)StaticPayloadTypes.Length ? StaticPayloadTypes[payloadType] : null;

    private static readonly SdpCodec?[] StaticPayloadTypes =
    [
        Pcmu, null, null,
        new(3, "GSM", 8000),
        new(4, "G723", 8000),
        new(5, "DVI4", 8000),
        new(6, "DVI4", 16000),
        new(7, "LPC", 8000),
        Pcma,
        new(9, "G722", 8000),
        new(10, "L16", 44100, 2),
        new(11, "L16", 44100),
        new(12, "QCELP", 8000),
        new(13, ComfortNoiseName, 8000),
        new(14, "MPA", 90000),
        new(15, "G728", 8000),
        new(16, "DVI4", 11025),
        new(17, "DVI4", 22050),
        new(18, "G729", 8000),
    ];

    /// <summary>Encoding names common enough to share one string instead of a new one per rtpmap.</summary>
    private static readonly string[] CommonEncodingNames =
        [PcmuName, PcmaName, TelephoneEventName, ComfortNoiseName, "opus", "speex", "G722", "G729", "iLBC", "GSM", "AMR", "AMR-WB", "red", "H264", "VP8"];

    private static string EncodingNameOf(ReadOnlySpan<char> name)
    {
        foreach (var common in CommonEncodingNames)
        {
            if (name.SequenceEqual(common))
            {
                return common;
            }
        }

        return name.ToString();
    }

    /// <summary>Parses an rtpmap value <c>&lt;pt&gt; &lt;name&gt;/&lt;clock&gt;[/&lt;channels&gt;]</c>.</summary>
    public static bool TryParseRtpMap(string value, out SdpCodec codec)
    {
        codec = Pcmu;
        var text = value.AsSpan().Trim();
        var space = text.IndexOf(' ');
        if (space <= 0 || !TryParsePayloadType(text[..space], out var pt))
        {
            return false;
        }

        var encoding = text[(space + 1)..].Trim();
        var slash = encoding.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var name = encoding[..slash];
        var rest = encoding[(slash + 1)..];
        var channels = 1;
        var slash2 = rest.IndexOf('/');
        if (slash2 >= 0)
        {
            if (!int.TryParse(rest[(slash2 + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out channels) ||
                channels is < 1 or > 255)
            {
                return false;
            }

            rest = rest[..slash2];
        }

        if (!int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var clock) || clock <= 0)
        {
            return false;
        }

        codec = new SdpCodec(pt, EncodingNameOf(name), clock, channels);
        return true;
    }

    public static bool TryParsePayloadType(ReadOnlySpan<char> text, out int payloadType) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out payloadType) && payloadType is >= 0 and <= 127;
}
