namespace Switch.Media;

/// <summary>Why a datagram is not an RTP packet (RFC 3550 §5.1).</summary>
internal enum RtpParseError
{
    None,
    TooShort,
    UnsupportedVersion,
    CsrcOverflow,
    ExtensionOverflow,
    InvalidPadding,
}
