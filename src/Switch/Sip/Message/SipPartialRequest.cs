namespace Switch.Sip.Message;

/// <summary>
/// What could be read from a request that failed to parse: enough to answer it with 400 (RFC 3261 §8.2, §18.2.2).
/// Values are raw (unfolded) header values; <see cref="TopVia"/> is the parsed first Via.
/// </summary>
internal sealed record SipPartialRequest(
    string Method,
    SipVia TopVia,
    IReadOnlyList<string> Vias,
    string? From,
    string? To,
    string? CallId,
    string? CSeq);
