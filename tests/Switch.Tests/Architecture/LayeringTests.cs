using System.Text.RegularExpressions;

namespace Switch.Tests.Architecture;

/// <summary>
/// The layering of docs/ARCHITECTURE.md, checked on the source: a layer names no namespace above it.
/// Hosting → Commands → Calls → {Registrar, Media, Sdp, Sip/Auth} → Sip/Dialogs → Sip/Transactions →
/// Sip/Transport → Sip/Message; Events is usable by Calls, Registrar and Commands.
/// </summary>
public sealed partial class LayeringTests
{
    public static TheoryData<string, string[]> Rules => new()
    {
        { "Sip/Message", ["Switch.Sip.Transport", "Switch.Sip.Transactions", "Switch.Sip.Dialogs", "Switch.Sip.Auth", "Switch.Registrar", "Switch.Calls", "Switch.Commands", "Switch.Hosting", "Switch.Media", "Switch.Sdp", "Switch.Events", "Switch.EventSocket"] },
        { "Sip/Transport", ["Switch.Sip.Dialogs", "Switch.Sip.Auth", "Switch.Registrar", "Switch.Calls", "Switch.Commands", "Switch.Hosting", "Switch.Media", "Switch.Sdp", "Switch.Events", "Switch.EventSocket"] },
        { "Sip/Transactions", ["Switch.Sip.Dialogs", "Switch.Sip.Auth", "Switch.Registrar", "Switch.Calls", "Switch.Commands", "Switch.Hosting", "Switch.Media", "Switch.Sdp", "Switch.Events", "Switch.EventSocket"] },
        { "Sip/Dialogs", ["Switch.Sip.Auth", "Switch.Registrar", "Switch.Calls", "Switch.Commands", "Switch.Hosting", "Switch.Media", "Switch.Sdp", "Switch.Events", "Switch.EventSocket"] },
        { "Sip/Auth", ["Switch.Sip.Transport", "Switch.Sip.Transactions", "Switch.Sip.Dialogs", "Switch.Registrar", "Switch.Calls", "Switch.Commands", "Switch.Hosting", "Switch.Media", "Switch.Sdp", "Switch.EventSocket"] },
        { "Sdp", ["Switch.Sip", "Switch.Media", "Switch.Registrar", "Switch.Calls", "Switch.Commands", "Switch.Hosting", "Switch.Events", "Switch.EventSocket"] },
        { "Media", ["Switch.Sip", "Switch.Registrar", "Switch.Calls", "Switch.Commands", "Switch.Hosting", "Switch.Events", "Switch.EventSocket"] },
        { "Events", ["Switch.Sip", "Switch.Sdp", "Switch.Media", "Switch.Registrar", "Switch.Calls", "Switch.Commands", "Switch.Hosting", "Switch.EventSocket"] },
        { "Registrar", ["Switch.Sip.Dialogs", "Switch.Calls", "Switch.Commands", "Switch.Hosting", "Switch.Media", "Switch.Sdp", "Switch.EventSocket"] },
        { "Calls", ["Switch.Commands", "Switch.Hosting", "Switch.EventSocket"] },
        { "Commands", ["Switch.Hosting"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_layer_names_no_namespace_above_it(string folder, string[] forbidden)
    {
        var root = Path.Combine(RepoRoot(), "src", "Switch", folder);
        var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var violations = new List<string>();
        foreach (var file in files)
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                foreach (Match m in NamespaceReference().Matches(line))
                {
                    if (forbidden.Any(f => m.Value == f || m.Value.StartsWith(f + ".", StringComparison.Ordinal)))
                    {
                        violations.Add($"{Path.GetRelativePath(root, file)}:{lineNumber}: {m.Value}");
                    }
                }
            }
        }
        Assert.True(violations.Count == 0, $"{folder} reaches above its layer:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_event_socket_library_does_not_reference_the_switch()
    {
        var project = File.ReadAllText(Path.Combine(RepoRoot(), "src", "EventSocket", "EventSocket.csproj"));
        Assert.DoesNotContain("Switch.csproj", project, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "src", "EventSocket"), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.False(SwitchCoreReference().IsMatch(text), $"{file} names a Switch core namespace");
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switch.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Switch.sln not found");
    }

    [GeneratedRegex(@"\bSwitch(\.[A-Z][A-Za-z]*)+")]
    private static partial Regex NamespaceReference();

    [GeneratedRegex(@"\bSwitch\.(Sip|Calls|Registrar|Media|Sdp|Events|Commands|Hosting)\b")]
    private static partial Regex SwitchCoreReference();
}
