using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>uuid_park &lt;uuid&gt;: takes the channel out of any bridge and parks it.</summary>
internal sealed class UuidParkCommand(CallEngine engine) : IApiCommand
{
    public string Name => "uuid_park";
    public string Syntax => "<uuid>";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count == 0)
        {
            return ApiCommandRegistry.Usage(this);
        }
        return await engine.ParkAsync(words[0]).ConfigureAwait(false) ? ChannelOutputs.Ok : ChannelOutputs.NoSuchChannel;
    }
}
