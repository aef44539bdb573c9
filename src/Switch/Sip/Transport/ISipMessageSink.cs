using Switch.Sip.Message;

namespace Switch.Sip.Transport;

/// <summary>Receives what the transports read (implemented by the transaction layer).</summary>
internal interface ISipMessageSink
{
    /// <summary>A parsed message (received/rport already applied to the top Via of requests).</summary>
    void OnMessage(SipMessage message, SipFlow flow);

    /// <summary>A message that failed to parse; <see cref="SipParseError.Partial"/> is set when a 400 can be sent.</summary>
    void OnInvalidMessage(SipParseError error, SipFlow flow);
}
