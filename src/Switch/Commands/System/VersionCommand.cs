namespace Switch.Commands.System;

/// <summary>`version [short]`.</summary>
internal sealed class VersionCommand : IApiCommand
{
    public string Name => "version";
    public string Syntax => "[short]";

    public ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken) =>
        ValueTask.FromResult(args.Equals("short", StringComparison.OrdinalIgnoreCase)
            ? SwitchVersion.Short + "\n"
            : $"Switch Version {SwitchVersion.Full} (FreeSWITCH ESL compatible)\n");
}
