using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>uuid_setvar_multi &lt;uuid&gt; &lt;var&gt;=&lt;value&gt;;&lt;var&gt;=&lt;value&gt;...: an empty value unsets.</summary>
internal sealed class UuidSetVarMultiCommand(CallEngine engine) : IApiCommand
{
    public string Name => "uuid_setvar_multi";
    public string Syntax => "<uuid> <var>=<value>;<var>=<value>...";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args, 2);
        if (words.Count < 2)
        {
            return ApiCommandRegistry.Usage(this);
        }
        var variables = new List<KeyValuePair<string, string?>>();
        foreach (var item in words[1].Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = item.IndexOf('=');
            var name = (eq < 0 ? item : item[..eq]).Trim();
            if (name.Length == 0)
            {
                return ApiCommandRegistry.Usage(this);
            }
            variables.Add(new KeyValuePair<string, string?>(name, eq < 0 ? null : item[(eq + 1)..]));
        }
        if (variables.Count == 0)
        {
            return ApiCommandRegistry.Usage(this);
        }
        return await engine.SetVariablesAsync(words[0], variables).ConfigureAwait(false)
            ? ChannelOutputs.Ok
            : ChannelOutputs.NoSuchChannel;
    }
}
