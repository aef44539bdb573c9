namespace Switch.Sdp;

/// <summary>An <c>a=</c> line: a property attribute (<c>a=sendonly</c>, Value null) or a value attribute.</summary>
internal sealed record SdpAttribute(string Name, string? Value = null)
{
    public const string RtpMap = "rtpmap";
    public const string Fmtp = "fmtp";
    public const string Ptime = "ptime";

    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}
