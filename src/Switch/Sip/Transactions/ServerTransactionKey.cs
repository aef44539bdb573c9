namespace Switch.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.3 server transaction key: branch, sent-by and method (ACK matches INVITE). For RFC 2543 requests
/// (no magic cookie) <see cref="Branch"/> holds a key built from Call-ID, From tag, CSeq number and the top Via.
/// </summary>
internal readonly record struct ServerTransactionKey(string Branch, string Host, int Port, string Method);
