namespace Switch.Hosting;

/// <summary>A configuration problem found while building the runtime; each line names its key.</summary>
internal sealed class SwitchConfigurationException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
