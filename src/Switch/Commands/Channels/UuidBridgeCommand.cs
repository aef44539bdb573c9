using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>uuid_bridge &lt;uuid&gt; &lt;other_uuid&gt;: <c>+OK &lt;other_uuid&gt;</c> or <c>-ERR Invalid uuid</c>.</summary>
internal sealed class UuidBridgeCommand(CallEngine engine) : IApiCommand
{
    public string Name => "uuid_bridge";
    public string Syntax => "<uuid> <other_uuid>";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count < 2)
        {
            return ApiCommandRegistry.Usage(this);
        }
        var bridged = await engine.BridgeAsync(words[0], words[1]).ConfigureAwait(false);
        return bridged is null ? ChannelOutputs.InvalidUuid : $"+OK {bridged}\n";
    }
}
