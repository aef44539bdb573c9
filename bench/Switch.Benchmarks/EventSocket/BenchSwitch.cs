using Switch.EventSocket;

namespace Switch.Benchmarks.EventSocket;

/// <summary>Minimal host for the delivery benchmark: a synchronous bus and an executor that knows no commands.</summary>
internal sealed class BenchSwitch : IEslEventSource, IEslCommandExecutor
{
    private Action<EslEvent>? _subscriber;

    public IDisposable Subscribe(Action<EslEvent> onEvent)
    {
        _subscriber = onEvent;
        return new Unsubscribe(this);
    }

    public void Publish(EslEvent evt) => _subscriber?.Invoke(evt);

    public ValueTask<string> ExecuteApiAsync(string command, string? arguments, CancellationToken cancellationToken) =>
        ValueTask.FromResult($"-ERR {command} Command not found!\n");

    public ValueTask<EslCommandResult> SendMsgAsync(string uuid, IReadOnlyList<KeyValuePair<string, string>> headers, string? body, CancellationToken cancellationToken) =>
        ValueTask.FromResult(EslCommandResult.Error($"invalid session id [{uuid}]"));

    public void PublishEvent(string eventName, IReadOnlyList<KeyValuePair<string, string>> headers, string? body)
    {
    }

    public ValueTask<EslEvent?> GetChannelDataAsync(string uuid, CancellationToken cancellationToken) => ValueTask.FromResult<EslEvent?>(null);

    private sealed class Unsubscribe(BenchSwitch owner) : IDisposable
    {
        public void Dispose() => owner._subscriber = null;
    }
}
