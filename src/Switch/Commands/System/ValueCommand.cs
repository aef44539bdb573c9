namespace Switch.Commands.System;

/// <summary>Commands that print one bare value without LF: create_uuid, hostname, switchname.</summary>
internal sealed class ValueCommand(string name, Func<string> value) : IApiCommand
{
    public string Name => name;
    public string Syntax => "";

    public ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken) => ValueTask.FromResult(value());

    public static ValueCommand CreateUuid() => new("create_uuid", () => Guid.NewGuid().ToString());
}
