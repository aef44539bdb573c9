namespace Switch;

internal static class Program
{
    private static Task<int> Main(string[] args) => Hosting.SwitchCommandLine.RunAsync(args);
}
