using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>uuid_setvar &lt;uuid&gt; &lt;var&gt; [value]: the value is the rest of the line; without one the variable is unset.</summary>
internal sealed class UuidSetVarCommand(CallEngine engine) : IApiCommand
{
    public string Name => "uuid_setvar";
    public string Syntax => "<uuid> <var> [value]";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args, 3);
        if (words.Count < 2)
        {
            return ApiCommandRegistry.Usage(this);
        }
        var value = words.Count > 2 ? words[2] : null;
        return await engine.SetVariableAsync(words[0], words[1], value).ConfigureAwait(false)
            ? ChannelOutputs.Ok
            : ChannelOutputs.NoSuchChannel;
    }
}
