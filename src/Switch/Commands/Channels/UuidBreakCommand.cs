using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>uuid_break &lt;uuid&gt; [all]: stops the playback in progress.</summary>
internal sealed class UuidBreakCommand(CallEngine engine) : IApiCommand
{
    public string Name => "uuid_break";
    public string Syntax => "<uuid> [all]";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count == 0)
        {
            return ApiCommandRegistry.Usage(this);
        }
        return await engine.BreakAsync(words[0]).ConfigureAwait(false) ? ChannelOutputs.Ok : ChannelOutputs.NoSuchChannel;
    }
}
