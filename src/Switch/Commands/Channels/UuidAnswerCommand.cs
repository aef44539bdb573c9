using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>uuid_answer, uuid_pre_answer and uuid_ring_ready: <c>+OK</c> or <c>-ERROR</c>.</summary>
internal sealed class UuidAnswerCommand(CallEngine engine, string name) : IApiCommand
{
    public const string Answer = "uuid_answer";
    public const string PreAnswer = "uuid_pre_answer";
    public const string RingReady = "uuid_ring_ready";

    public string Name => name;

    public string Syntax => name == RingReady ? "<uuid> [queued]" : "<uuid>";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count == 0)
        {
            return ApiCommandRegistry.Usage(this);
        }
        var uuid = words[0];
        var done = name switch
        {
            PreAnswer => await engine.PreAnswerAsync(uuid).ConfigureAwait(false),
            RingReady => await engine.RingReadyAsync(uuid).ConfigureAwait(false),
            _ => await engine.AnswerAsync(uuid).ConfigureAwait(false),
        };
        return done ? ChannelOutputs.Ok : ChannelOutputs.Error;
    }
}
