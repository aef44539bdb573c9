using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>
/// uuid_broadcast &lt;uuid&gt; &lt;path&gt; [aleg|bleg|both]: queues the playback application on the channel (aleg,
/// the default), on the leg bridged with it (bleg), or on both. Replies <c>+OK Message sent</c> at once.
/// </summary>
internal sealed class UuidBroadcastCommand(CallEngine engine) : IApiCommand
{
    public string Name => "uuid_broadcast";
    public string Syntax => "<uuid> <path> [aleg|bleg|both]";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count < 2)
        {
            return ApiCommandRegistry.Usage(this);
        }
        var uuid = words[0];
        if (!engine.Exists(uuid))
        {
            return "-ERR invalid uuid\n";
        }
        var which = words.Count > 2 ? words[2].ToLowerInvariant() : "aleg";
        var path = words[1];
        if (which is "aleg" or "both" or "holdb")
        {
            _ = engine.ExecuteApplicationAsync(uuid, ApplicationNames.Playback, path, null, cancellationToken: CancellationToken.None).AsTask();
        }
        if (which is "bleg" or "both" && await engine.BridgedPeerAsync(uuid).ConfigureAwait(false) is { } peer)
        {
            _ = engine.ExecuteApplicationAsync(peer, ApplicationNames.Playback, path, null, cancellationToken: CancellationToken.None).AsTask();
        }
        return "+OK Message sent\n";
    }
}
