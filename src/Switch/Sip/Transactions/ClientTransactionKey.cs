namespace Switch.Sip.Transactions;

/// <summary>RFC 3261 §17.1.3 client transaction key: top Via branch and CSeq method.</summary>
internal readonly record struct ClientTransactionKey(string Branch, string Method);
