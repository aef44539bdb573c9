namespace Switch.Sip.Message;

/// <summary>What made a message unparseable.</summary>
internal enum SipParseErrorKind
{
    None = 0,

    /// <summary>Nothing but whitespace / CRLF keep-alives.</summary>
    Empty,

    /// <summary>The first line is neither a Request-Line nor a Status-Line.</summary>
    InvalidStartLine,

    /// <summary>The Request-Line does not have exactly Method SP Request-URI SP SIP-Version.</summary>
    InvalidRequestLine,

    InvalidMethod,
    InvalidRequestUri,
    InvalidVersion,
    InvalidStatusLine,
    InvalidStatusCode,

    /// <summary>The header section is not ended by an empty line (datagram truncated; a stream needs more bytes).</summary>
    HeadersNotTerminated,

    /// <summary>A header line has no ':' or no valid name.</summary>
    InvalidHeaderLine,

    /// <summary>A header value breaks its grammar; <see cref="SipParseError.Header"/> names it.</summary>
    InvalidHeaderValue,

    InvalidContentLength,

    /// <summary>Several Content-Length headers disagree.</summary>
    ConflictingContentLength,

    /// <summary>Content-Length is larger than the bytes present.</summary>
    BodyTruncated,

    /// <summary>A stream message without Content-Length (RFC 3261 §18.3).</summary>
    MissingContentLength,

    TooManyHeaders,

    /// <summary>Header section or body above the configured limit.</summary>
    MessageTooLarge,
}
