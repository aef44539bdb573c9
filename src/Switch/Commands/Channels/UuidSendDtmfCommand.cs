using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>uuid_send_dtmf &lt;uuid&gt; &lt;digits&gt;: <c>+OK &lt;uuid&gt; sent DTMF &lt;digits&gt;.</c></summary>
internal sealed class UuidSendDtmfCommand(CallEngine engine) : IApiCommand
{
    public string Name => "uuid_send_dtmf";
    public string Syntax => "<uuid> <dtmf_data>";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count < 2 || words[1].Length == 0)
        {
            return ApiCommandRegistry.Usage(this);
        }
        return await engine.SendDtmfAsync(words[0], words[1]).ConfigureAwait(false)
            ? $"+OK {words[0]} sent DTMF {words[1]}.\n"
            : "-ERR Cannot locate session!\n";
    }
}
