namespace Switch.Registrar;

/// <summary>An address-of-record: user and domain, compared case-insensitively.</summary>
internal readonly record struct AorKey(string User, string Domain)
{
    public static IEqualityComparer<AorKey> Comparer { get; } = new AorKeyComparer();

    public override string ToString() => $"{User}@{Domain}";

    private sealed class AorKeyComparer : IEqualityComparer<AorKey>
    {
        public bool Equals(AorKey x, AorKey y) =>
            string.Equals(x.User, y.User, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Domain, y.Domain, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode(AorKey key) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.User),
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Domain));
    }
}
