using System.Globalization;

namespace Switch.Sip.Message;

/// <summary>The CSeq header: sequence number and method (RFC 3261 §20.16).</summary>
internal readonly record struct SipCSeq(uint Number, string Method)
{
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + Method;
}
