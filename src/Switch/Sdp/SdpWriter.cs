using System.Globalization;
using System.Text;

namespace Switch.Sdp;

/// <summary>Writes an <see cref="SdpSession"/> in RFC 4566 §5 line order with CRLF endings.</summary>
internal static class SdpWriter
{
    private const string SessionFieldsBeforeConnection = "iuep";
    private const string SessionFieldsAfterTime = "zk";
    private const string MediaFieldsBeforeConnection = "i";
    private const string MediaFieldsAfterConnection = "bk";
    private const string KnownSessionTypes = "iuepbzk";
    private const string KnownMediaTypes = "ibk";

    public static string Write(SdpSession session)
    {
        var text = new StringBuilder(512);
        Line(text, 'v', session.Version.ToString(CultureInfo.InvariantCulture));
        Line(text, 'o', session.Origin.ToString());
        Line(text, 's', session.SessionName.Length == 0 ? "-" : session.SessionName);
        Fields(text, session.Fields, SessionFieldsBeforeConnection);
        if (session.Connection is not null)
        {
            Line(text, 'c', session.Connection.ToString());
        }

        Fields(text, session.Fields, "b");
        var times = session.Times.Count == 0 ? [SdpTime.Unbounded] : session.Times;
        foreach (var time in times)
        {
            Line(text, 't', time.Start + " " + time.Stop);
            foreach (var repeat in time.Repeats)
            {
                Line(text, 'r', repeat);
            }
        }

        Fields(text, session.Fields, SessionFieldsAfterTime);
        OtherFields(text, session.Fields, KnownSessionTypes);
        Attributes(text, session.Attributes);
        foreach (var media in session.Media)
        {
            WriteMedia(text, media);
        }

        return text.ToString();
    }

    private static void WriteMedia(StringBuilder text, SdpMediaDescription media)
    {
        text.Append("m=").Append(media.Media).Append(' ').Append(media.Port.ToString(CultureInfo.InvariantCulture));
        if (media.PortCount is { } count)
        {
            text.Append('/').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        text.Append(' ').Append(media.Protocol);
        foreach (var format in media.Formats)
        {
            text.Append(' ').Append(format);
        }

        text.Append("\r\n");
        Fields(text, media.Fields, MediaFieldsBeforeConnection);
        if (media.Connection is not null)
        {
            Line(text, 'c', media.Connection.ToString());
        }

        Fields(text, media.Fields, MediaFieldsAfterConnection);
        OtherFields(text, media.Fields, KnownMediaTypes);
        Attributes(text, media.Attributes);
    }

    private static void Fields(StringBuilder text, IReadOnlyList<SdpField> fields, string types)
    {
        foreach (var type in types)
        {
            foreach (var field in fields)
            {
                if (field.Type == type)
                {
                    Line(text, type, field.Value);
                }
            }
        }
    }

    private static void OtherFields(StringBuilder text, IReadOnlyList<SdpField> fields, string knownTypes)
    {
        foreach (var field in fields)
        {
            if (!knownTypes.Contains(field.Type, StringComparison.Ordinal))
            {
                Line(text, field.Type, field.Value);
            }
        }
    }

    private static void Attributes(StringBuilder text, IReadOnlyList<SdpAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            text.Append("a=").Append(attribute.Name);
            if (attribute.Value is not null)
            {
                text.Append(':').Append(attribute.Value);
            }

            text.Append("\r\n");
        }
    }

    private static void Line(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
