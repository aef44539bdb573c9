using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>uuid_getvar &lt;uuid&gt; &lt;var&gt;: the bare value (no LF), or <c>_undef_</c> when unset.</summary>
internal sealed class UuidGetVarCommand(CallEngine engine) : IApiCommand
{
    public string Name => "uuid_getvar";
    public string Syntax => "<uuid> <var>";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count < 2)
        {
            return ApiCommandRegistry.Usage(this);
        }
        var (found, value) = await engine.GetVariableAsync(words[0], words[1]).ConfigureAwait(false);
        return !found ? ChannelOutputs.NoSuchChannel : value ?? ChannelOutputs.Undefined;
    }
}
