namespace Switch.Commands.System;

/// <summary>`siptrace on|off` and other on/off switches; prints the new state.</summary>
internal sealed class ToggleCommand(string name, string label, Action<bool> set, Func<bool> get) : IApiCommand
{
    public string Name => name;
    public string Syntax => "<on|off>";

    public ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        switch (args.ToLowerInvariant())
        {
            case "on":
                set(true);
                break;
            case "off":
                set(false);
                break;
            case "":
                break;
            default:
                return ValueTask.FromResult($"-USAGE: {Syntax}\n");
        }
        return ValueTask.FromResult($"+OK {label} is {(get() ? "on" : "off")}\n");
    }
}
