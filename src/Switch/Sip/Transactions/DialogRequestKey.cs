namespace Switch.Sip.Transactions;

/// <summary>Matches an ACK for a 2xx to its INVITE, and detects merged requests (RFC 3261 §8.2.2.2): Call-ID, From tag, CSeq number.</summary>
internal readonly record struct DialogRequestKey(string CallId, string? FromTag, uint CSeq);
