namespace Switch.Calls;

/// <summary>
/// A parsed dial string (<c>{a=b}[c=d]user/1000,user/1001|sofia/internal/sip:1002@host</c>): variables for
/// every leg, then groups tried one after another ('|'), each a set of targets rung at the same time (',').
/// Immutable; produced by <see cref="DialStringParser"/>.
/// </summary>
internal sealed record DialString(IReadOnlyList<KeyValuePair<string, string>> Variables, IReadOnlyList<DialGroup> Groups)
{
    /// <summary>The dial string as written.</summary>
    public string Text { get; init; } = string.Empty;

    public override string ToString() => Text;

    /// <summary>The value of a {} variable (last one wins), or null.</summary>
    public string? GetVariable(string name) => DialTarget.Find(Variables, name);
}

/// <summary>Targets rung at the same time; the first to answer wins.</summary>
internal sealed record DialGroup(IReadOnlyList<DialTarget> Targets);

/// <summary>One endpoint with its own [] variables.</summary>
internal sealed record DialTarget(DialEndpoint Endpoint, IReadOnlyList<KeyValuePair<string, string>> Variables)
{
    /// <summary>The value of a [] variable (last one wins), or null.</summary>
    public string? GetVariable(string name) => Find(Variables, name);

    internal static string? Find(IReadOnlyList<KeyValuePair<string, string>> variables, string name)
    {
        for (var i = variables.Count - 1; i >= 0; i--)
        {
            if (string.Equals(variables[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return variables[i].Value;
            }
        }
        return null;
    }
}
