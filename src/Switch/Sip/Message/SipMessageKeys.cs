namespace Switch.Sip.Message;

/// <summary>The transaction keys parsed eagerly from a message (first occurrence of each header).</summary>
internal readonly record struct SipMessageKeys(
    string Version,
    SipVia? TopVia,
    string? CallId,
    SipCSeq? CSeq,
    string? FromTag,
    string? ToTag,
    int? MaxForwards);
