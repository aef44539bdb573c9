namespace Switch.Sdp;

/// <summary>A <c>t=</c> line with its <c>r=</c> repeat lines kept verbatim.</summary>
internal sealed record SdpTime(string Start, string Stop, IReadOnlyList<string> Repeats)
{
    public static readonly SdpTime Unbounded = new("0", "0", []);

    public bool Equals(SdpTime? other) =>
        other is not null && Start == other.Start && Stop == other.Stop && Repeats.SequenceEqual(other.Repeats);

    public override int GetHashCode() => HashCode.Combine(Start, Stop, Repeats.Count);
}
