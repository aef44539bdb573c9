namespace Switch.Media;

/// <summary>One <c>%(on,off,f1,f2,...)</c> element of a FreeSWITCH tone spec: tone for On ms, silence for Off ms.</summary>
internal sealed record ToneSegment(int OnMs, int OffMs, IReadOnlyList<double> Frequencies, double VolumeDb)
{
    public bool Equals(ToneSegment? other) =>
        other is not null && OnMs == other.OnMs && OffMs == other.OffMs && VolumeDb.Equals(other.VolumeDb) &&
        Frequencies.SequenceEqual(other.Frequencies);

    public override int GetHashCode() => HashCode.Combine(OnMs, OffMs, Frequencies.Count);
}
