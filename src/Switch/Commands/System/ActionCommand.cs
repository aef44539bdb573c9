namespace Switch.Commands.System;

/// <summary>A command that runs an action and prints its result line (reloadxml, reload).</summary>
internal sealed class ActionCommand(string name, Func<CancellationToken, ValueTask<string>> action) : IApiCommand
{
    public string Name => name;
    public string Syntax => "";

    public ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken) => action(cancellationToken);
}
