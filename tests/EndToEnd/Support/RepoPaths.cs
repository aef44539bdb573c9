namespace Switch.EndToEnd.Support;

/// <summary>Where the repository and the built artifacts are, found from the test assembly's location.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, whichever this test assembly was built as.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string SwitchDll => Path.Combine(Root, "src", "Switch", "bin", Configuration, "net10.0", "Switch.dll");

    public static string ExampleDll(string name) =>
        Path.Combine(Root, "examples", name, "bin", Configuration, "net10.0", $"{name}.dll");

    public static string NodeDir => Path.Combine(Root, "tests", "EndToEnd", "node");

    public static string Scenarios => Path.Combine(AppContext.BaseDirectory, "Scenarios");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switch.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Switch.sln not found above " + AppContext.BaseDirectory);
    }
}
