using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>uuid_exists &lt;uuid&gt;: <c>true</c> or <c>false</c>, without LF.</summary>
internal sealed class UuidExistsCommand(CallEngine engine) : IApiCommand
{
    public string Name => "uuid_exists";
    public string Syntax => "<uuid>";

    public ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count == 0)
        {
            return ValueTask.FromResult(ApiCommandRegistry.Usage(this));
        }
        return ValueTask.FromResult(engine.Exists(words[0]) ? "true" : "false");
    }
}
