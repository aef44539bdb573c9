using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>uuid_kill &lt;uuid&gt; [cause]: hangs the channel up (default NORMAL_CLEARING).</summary>
internal sealed class UuidKillCommand(CallEngine engine) : IApiCommand
{
    public string Name => "uuid_kill";
    public string Syntax => "<uuid> [cause]";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count == 0)
        {
            return ApiCommandRegistry.Usage(this);
        }
        var cause = HangupCauses.Parse(words.Count > 1 ? words[1] : null);
        return await engine.HangupAsync(words[0], cause).ConfigureAwait(false) ? ChannelOutputs.Ok : ChannelOutputs.NoSuchChannel;
    }
}
