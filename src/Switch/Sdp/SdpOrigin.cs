namespace Switch.Sdp;

/// <summary>The <c>o=</c> line (RFC 4566 §5.2).</summary>
internal sealed record SdpOrigin(
    string Username,
    string SessionId,
    ulong SessionVersion,
    string NetworkType,
    string AddressType,
    string Address)
{
    public override string ToString() =>
        $"{Username} {SessionId} {SessionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)} {NetworkType} {AddressType} {Address}";
}
