using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switch.Sdp;

/// <summary>
/// An immutable SDP session description (RFC 4566). Parse with <see cref="TryParse(ReadOnlySpan{byte}, out SdpSession?, out SdpParseError)"/>
/// (never throws), write with <see cref="WriteTo"/> or <see cref="ToString"/>. Lines the model does not
/// interpret are kept and written back in their canonical position.
/// </summary>
internal sealed record SdpSession(
    int Version,
    SdpOrigin Origin,
    string SessionName,
    SdpConnection? Connection,
    IReadOnlyList<SdpField> Fields,
    IReadOnlyList<SdpTime> Times,
    IReadOnlyList<SdpAttribute> Attributes,
    IReadOnlyList<SdpMediaDescription> Media)
{
    public const string ContentType = "application/sdp";

    /// <summary>Largest body accepted by the parser.</summary>
    public const int MaxLength = 64 * 1024;

    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out SdpSession? session, out SdpParseError error)
    {
        if (utf8.Length > MaxLength)
        {
            session = null;
            error = SdpParseError.TooLarge;
            return false;
        }

        // Decoded into a pooled buffer (UTF-8 never gives more chars than bytes): the parsed session copies what it keeps.
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, utf8.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(utf8, chars);
            return SdpParser.TryParse(chars.AsSpan(0, count), out session, out error);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out SdpSession? session, out SdpParseError error)
    {
        if (text is not null && text.Length > MaxLength)
        {
            session = null;
            error = SdpParseError.TooLarge;
            return false;
        }

        return SdpParser.TryParse(text ?? string.Empty, out session, out error);
    }

    /// <summary>The direction that applies to a media section: its own attribute, else the session's, else sendrecv.</summary>
    public SdpDirection GetDirection(SdpMediaDescription media)
    {
        if (media.Direction is { } direction)
        {
            return direction;
        }

        foreach (var attribute in Attributes)
        {
            if (attribute.Value is null && SdpDirections.TryParse(attribute.Name, out var sessionDirection))
            {
                return sessionDirection;
            }
        }

        return SdpDirection.SendRecv;
    }

    /// <summary>The connection that applies to a media section: its own c=, else the session's.</summary>
    public SdpConnection? GetConnection(SdpMediaDescription media) => media.Connection ?? Connection;

    /// <summary>Index of the first audio RTP/AVP section with a non-zero port, or -1.</summary>
    public int FindAudioIndex()
    {
        for (var i = 0; i < Media.Count; i++)
        {
            if (Media[i].IsAudio && Media[i].IsRtpAvp && !Media[i].IsRejected)
            {
                return i;
            }
        }

        return -1;
    }

    public void WriteTo(IBufferWriter<byte> writer)
    {
        var text = ToString();
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        writer.Advance(written);
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    /// <summary>The body with CRLF line endings in RFC 4566 order.</summary>
    public override string ToString() => SdpWriter.Write(this);

    /// <summary>True when both describe the same session apart from the origin's version (RFC 3264 §8).</summary>
    public bool ContentEquals(SdpSession other) =>
        ReferenceEquals(this, other) ||
        Equals(this with { Origin = Origin with { SessionVersion = 0 } }, other with { Origin = other.Origin with { SessionVersion = 0 } });

    public bool Equals(SdpSession? other) =>
        other is not null &&
        Version == other.Version && Origin == other.Origin && SessionName == other.SessionName &&
        Equals(Connection, other.Connection) &&
        Fields.SequenceEqual(other.Fields) &&
        Times.SequenceEqual(other.Times) &&
        Attributes.SequenceEqual(other.Attributes) &&
        Media.SequenceEqual(other.Media);

    public override int GetHashCode() => HashCode.Combine(Origin, SessionName, Media.Count);
}
