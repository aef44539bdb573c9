namespace Switch.Commands;

/// <summary>Finds and runs api commands by name (case-insensitive), formatting usage and unknown-command errors.</summary>
internal sealed class ApiCommandRegistry
{
    private readonly Dictionary<string, IApiCommand> _commands = new(StringComparer.OrdinalIgnoreCase);

    public ApiCommandRegistry(IEnumerable<IApiCommand> commands)
    {
        foreach (var command in commands)
        {
            _commands[command.Name] = command;
        }
    }

    public IEnumerable<IApiCommand> Commands => _commands.Values;

    public bool TryGet(string name, out IApiCommand command) => _commands.TryGetValue(name, out command!);

    /// <summary>Runs "name args"; an unknown name gives FreeSWITCH's "-ERR name Command not found!\n".</summary>
    public async ValueTask<string> ExecuteAsync(string name, string? args, CancellationToken cancellationToken)
    {
        if (!_commands.TryGetValue(name, out var command))
        {
            return $"-ERR {name} Command not found!\n";
        }
        return await command.ExecuteAsync(args?.Trim() ?? string.Empty, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>FreeSWITCH's reply to wrong arguments.</summary>
    public static string Usage(IApiCommand command) => $"-USAGE: {command.Syntax}\n";
}
