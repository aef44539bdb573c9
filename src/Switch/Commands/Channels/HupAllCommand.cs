using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>
/// hupall [cause [var value]]: hangs up every channel (or those whose variable matches). An absent or
/// unknown cause is MANAGER_REQUEST, as in mod_commands.
/// </summary>
internal sealed class HupAllCommand(CallEngine engine) : IApiCommand
{
    public string Name => "hupall";
    public string Syntax => "<cause> [<var> <value>]";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args, 3);
        var cause = words.Count > 0 && HangupCauses.TryParse(words[0], out var parsed) && parsed != HangupCause.None
            ? parsed
            : HangupCause.ManagerRequest;
        var name = HangupCauses.ToName(cause);
        if (words.Count < 3)
        {
            await engine.HangupAllAsync(cause).ConfigureAwait(false);
            return $"+OK hangup all channels with cause {name}\n";
        }
        await engine.HangupAllAsync(cause, words[1], words[2]).ConfigureAwait(false);
        return $"+OK hangup all channels matching [{words[1]}]=[{words[2]}] with cause: {name}\n";
    }
}
