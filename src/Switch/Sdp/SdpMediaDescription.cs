using System.Globalization;

namespace Switch.Sdp;

/// <summary>
/// One media section (RFC 4566 §5.14): the m= line, its optional c=, the verbatim i=/b=/k= fields and the
/// a= attributes in their original order.
/// </summary>
internal sealed record SdpMediaDescription(
    string Media,
    int Port,
    int? PortCount,
    string Protocol,
    IReadOnlyList<string> Formats,
    SdpConnection? Connection,
    IReadOnlyList<SdpField> Fields,
    IReadOnlyList<SdpAttribute> Attributes)
{
    public const string Audio = "audio";
    public const string RtpAvp = "RTP/AVP";

    public bool IsAudio => string.Equals(Media, Audio, StringComparison.OrdinalIgnoreCase);

    public bool IsRtpAvp => string.Equals(Protocol, RtpAvp, StringComparison.OrdinalIgnoreCase);

    /// <summary>A port of zero rejects or disables the stream (RFC 3264 §5.1, §6).</summary>
    public bool IsRejected => Port == 0;

    /// <summary>The direction attribute at this level, or null when the section has none.</summary>
    public SdpDirection? Direction
    {
        get
        {
            for (var i = 0; i < Attributes.Count; i++)
            {
                var attribute = Attributes[i];
                if (attribute.Value is null && SdpDirections.TryParse(attribute.Name, out var direction))
                {
                    return direction;
                }
            }

            return null;
        }
    }

    /// <summary>a=ptime in milliseconds, when present and valid.</summary>
    public int? Ptime
    {
        get
        {
            var value = GetAttribute(SdpAttribute.Ptime);
            return value is not null &&
                   int.TryParse(value.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) &&
                   ms is > 0 and <= 1000
                ? ms
                : null;
        }
    }

    /// <summary>The first value of a named attribute, or null.</summary>
    public string? GetAttribute(string name)
    {
        for (var i = 0; i < Attributes.Count; i++)
        {
            var attribute = Attributes[i];
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute.Value ?? string.Empty;
            }
        }

        return null;
    }

    /// <summary>
    /// The payload formats as codecs, in m-line (preference) order: rtpmap when present, else the RFC 3551
    /// static table; fmtp attached. Formats that are neither are skipped.
    /// </summary>
    public IReadOnlyList<SdpCodec> GetCodecs()
    {
        var formats = Formats;
        var attributes = Attributes;
        var codecs = new List<SdpCodec>(formats.Count);
        for (var f = 0; f < formats.Count; f++)
        {
            if (!SdpCodec.TryParsePayloadType(formats[f], out var pt))
            {
                continue;
            }

            SdpCodec? codec = null;
            string? fmtp = null;
            for (var a = 0; a < attributes.Count; a++)
            {
                var attribute = attributes[a];
                if (attribute.Value is null)
                {
                    continue;
                }

                // The payload type is read first: only the attributes of this format make a codec or a string.
                if (codec is null &&
                    string.Equals(attribute.Name, SdpAttribute.RtpMap, StringComparison.OrdinalIgnoreCase) &&
                    LeadingPayloadType(attribute.Value) == pt &&
                    SdpCodec.TryParseRtpMap(attribute.Value, out var mapped))
                {
                    codec = mapped;
                }
                else if (fmtp is null &&
                         string.Equals(attribute.Name, SdpAttribute.Fmtp, StringComparison.OrdinalIgnoreCase) &&
                         TryParseFmtp(attribute.Value, out var fmtpPt, out var parameters) &&
                         fmtpPt == pt)
                {
                    fmtp = parameters.ToString();
                }
            }

            codec ??= SdpCodec.FromStaticPayloadType(pt);
            if (codec is not null)
            {
                codecs.Add(fmtp is null ? codec : codec with { Fmtp = fmtp });
            }
        }

        return codecs;
    }

    /// <summary>The payload type an rtpmap or fmtp value starts with, or -1.</summary>
    private static int LeadingPayloadType(string value)
    {
        var text = value.AsSpan().TrimStart();
        var space = text.IndexOf(' ');
        return SdpCodec.TryParsePayloadType(space < 0 ? text : text[..space], out var pt) ? pt : -1;
    }

    private static bool TryParseFmtp(string value, out int payloadType, out ReadOnlySpan<char> parameters)
    {
        var text = value.AsSpan().TrimStart();
        var space = text.IndexOf(' ');
        var ptText = space < 0 ? text : text[..space];
        parameters = space < 0 ? default : text[(space + 1)..].Trim();
        return SdpCodec.TryParsePayloadType(ptText, out payloadType);
    }

    public bool Equals(SdpMediaDescription? other) =>
        other is not null &&
        Media == other.Media && Port == other.Port && PortCount == other.PortCount && Protocol == other.Protocol &&
        Equals(Connection, other.Connection) &&
        Formats.SequenceEqual(other.Formats) &&
        Fields.SequenceEqual(other.Fields) &&
        Attributes.SequenceEqual(other.Attributes);

    public override int GetHashCode() => HashCode.Combine(Media, Port, Protocol, Formats.Count, Attributes.Count);
}
