namespace Switch.Sdp;

/// <summary>Why an SDP body was rejected. <see cref="None"/> means it parsed.</summary>
internal enum SdpParseError
{
    None,
    Empty,
    TooLarge,
    TooManyLines,
    TooManyMedia,
    MissingVersion,
    UnsupportedVersion,
    InvalidLine,
    MissingOrigin,
    InvalidOrigin,
    InvalidConnection,
    InvalidTime,
    InvalidMedia,
    InvalidAttribute,
}
