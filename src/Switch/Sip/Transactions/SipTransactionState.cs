namespace Switch.Sip.Transactions;

/// <summary>States of the RFC 3261 §17 machines (Accepted from RFC 6026).</summary>
internal enum SipTransactionState
{
    Calling,
    Trying,
    Proceeding,
    Completed,
    Confirmed,
    Accepted,
    Terminated,
}
