namespace Switch.Sdp;

/// <summary>
/// Why an offer/answer exchange failed. Every value other than <see cref="None"/> is a 488 Not Acceptable
/// Here for an offer (RFC 3261 §13.3.1.1) or a failed session for an answer.
/// </summary>
internal enum SdpNegotiationError
{
    None,

    /// <summary>The offer has no audio RTP/AVP stream with a non-zero port.</summary>
    NoAudioStream,

    /// <summary>No offered audio codec is acceptable (or the answer rejected the stream).</summary>
    NoCommonCodec,

    /// <summary>The answer does not match the offer (fewer m-lines, codec never offered).</summary>
    InvalidAnswer,
}
