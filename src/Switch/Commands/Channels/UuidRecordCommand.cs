using System.Globalization;
using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>
/// uuid_record &lt;uuid&gt; start|stop &lt;path&gt; [&lt;limit_secs&gt;]: records both directions of the channel to a WAV
/// file. <c>+OK Success</c>, <c>-ERR Cannot locate session!</c>, <c>-ERR Cannot record session!</c>.
/// (mask/unmask/pause/resume are not supported and print usage.)
/// </summary>
internal sealed class UuidRecordCommand(CallEngine engine) : IApiCommand
{
    public string Name => "uuid_record";
    public string Syntax => "<uuid> [start|stop] <path> [<limit>]";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count < 3)
        {
            return ApiCommandRegistry.Usage(this);
        }
        var uuid = words[0];
        switch (words[1].ToLowerInvariant())
        {
            case "start":
                var limit = TimeSpan.Zero;
                if (words.Count > 3)
                {
                    if (!int.TryParse(words[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                    {
                        return ApiCommandRegistry.Usage(this);
                    }
                    limit = TimeSpan.FromSeconds(seconds);
                }
                var (found, started, _) = await engine.StartRecordingAsync(uuid, words[2], limit).ConfigureAwait(false);
                return !found ? "-ERR Cannot locate session!\n" : started ? "+OK Success\n" : "-ERR Cannot record session!\n";
            case "stop":
                return await engine.StopRecordingAsync(uuid).ConfigureAwait(false) ? "+OK Success\n" : "-ERR Cannot locate session!\n";
            default:
                return ApiCommandRegistry.Usage(this);
        }
    }
}
