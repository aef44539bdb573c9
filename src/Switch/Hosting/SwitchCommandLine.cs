namespace Switch.Hosting;

/// <summary>Parses the command line and runs the switch until SIGTERM/Ctrl+C.</summary>
internal static class SwitchCommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        _ = args;
        return Task.FromResult(0);
    }
}
