namespace Switch.Sdp;

/// <summary>
/// A line the model keeps verbatim (i=, u=, e=, p=, b=, z=, k=, and r= after its t=): type letter and value.
/// </summary>
internal sealed record SdpField(char Type, string Value)
{
    public override string ToString() => Type + "=" + Value;
}
