using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Calls.Sip;

/// <summary>
/// Where a b-leg INVITE goes: its Request-URI (the registered contact, or the dialled URI), the wire target
/// (the binding's received address and connection, so phones behind NAT are reached), and Route values
/// (a registration's Path).
/// </summary>
internal sealed record SipDialTarget(SipUri RequestUri, SipTarget Target, IReadOnlyList<string> Routes);
