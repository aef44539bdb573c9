namespace Switch.Sip.Transport;

/// <summary>Transports the switch speaks (RFC 3261 §18).</summary>
internal enum SipTransportType
{
    Udp,
    Tcp,
}
