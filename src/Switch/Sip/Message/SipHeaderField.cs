namespace Switch.Sip.Message;

/// <summary>A header line inside a message buffer: id, name slice and trimmed value slice.</summary>
internal readonly record struct SipHeaderField(SipHeaderId Id, TextSegment Name, TextSegment Value, bool Folded);
