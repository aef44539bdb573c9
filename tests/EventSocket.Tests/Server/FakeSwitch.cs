using System.Collections.Concurrent;
using System.Globalization;

namespace Switch.EventSocket.Tests.Server;

/// <summary>A fake host: event bus (with FS standard headers and Event-Sequence), log source and command executor.</summary>
internal sealed class FakeSwitch : IEslEventSource, IEslLogSource, IEslCommandExecutor
{
    private readonly Lock _lock = new();
    private Action<EslEvent>[] _eventSubscribers = [];
    private Action<EslLogLine>[] _logSubscribers = [];
    private long _sequence;

    public ConcurrentDictionary<string, Func<string?, string>> Api { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, EslEvent> Channels { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Uuid, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body)> SendMsgs { get; } = new();

    public ConcurrentQueue<(string Command, string? Arguments)> ApiCalls { get; } = new();

    public TaskCompletionSource? ApiGate { get; set; }

    public long LastSequence => Interlocked.Read(ref _sequence);

    public int EventSubscriberCount => Volatile.Read(ref _eventSubscribers).Length;

    /// <summary>The interest filter the server handed over with its subscription, if any.</summary>
    public Func<string, string?, bool>? Interest { get; private set; }

    public IDisposable Subscribe(Action<EslEvent> onEvent, Func<string, string?, bool> wants)
    {
        Interest = wants;
        return Subscribe(onEvent);
    }

    public IDisposable Subscribe(Action<EslEvent> onEvent)
    {
        lock (_lock)
        {
            _eventSubscribers = [.. _eventSubscribers, onEvent];
        }

        return new Unsubscriber(() =>
        {
            lock (_lock)
            {
                _eventSubscribers = _eventSubscribers.Where(s => s != onEvent).ToArray();
            }
        });
    }

    public IDisposable Subscribe(Action<EslLogLine> onLog)
    {
        lock (_lock)
        {
            _logSubscribers = [.. _logSubscribers, onLog];
        }

        return new Unsubscriber(() =>
        {
            lock (_lock)
            {
                _logSubscribers = _logSubscribers.Where(s => s != onLog).ToArray();
            }
        });
    }

    /// <summary>Builds an event with the standard headers and the next sequence, publishes it synchronously, returns it.</summary>
    public EslEvent Fire(string name, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var list = new List<KeyValuePair<string, string>>
        {
            new("Event-Name", name),
            new("Core-UUID", "4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b"),
            new("Event-Date-Local", "2025-03-04 10:20:30"),
            new("Event-Sequence", sequence.ToString(CultureInfo.InvariantCulture)),
        };
        if (headers is not null)
        {
            list.AddRange(headers);
        }

        var evt = new EslEvent(list, body);
        foreach (var subscriber in Volatile.Read(ref _eventSubscribers))
        {
            subscriber(evt);
        }

        return evt;
    }

    public EslEvent FireChannel(string name, string uuid, params (string Name, string Value)[] extra) =>
        Fire(name, [new("Unique-ID", uuid), new("Channel-Name", "sofia/internal/1000@192.0.2.10"), .. extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value))]);

    public void Log(EslLogLine line)
    {
        foreach (var subscriber in Volatile.Read(ref _logSubscribers))
        {
            subscriber(line);
        }
    }

    public void AddChannel(string uuid) =>
        Channels[uuid] = EslEvent.Create(null, ("Event-Name", "CHANNEL_DATA"), ("Unique-ID", uuid), ("Channel-Name", "sofia/internal/1000@192.0.2.10"), ("variable_sip_to_user", "1001"));

    public async ValueTask<string> ExecuteApiAsync(string command, string? arguments, CancellationToken cancellationToken)
    {
        ApiCalls.Enqueue((command, arguments));
        if (ApiGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Api.TryGetValue(command, out var handler) ? handler(arguments) : $"-ERR {command} Command not found!\n";
    }

    public ValueTask<EslCommandResult> SendMsgAsync(string uuid, IReadOnlyList<KeyValuePair<string, string>> headers, string? body, CancellationToken cancellationToken)
    {
        if (!Channels.ContainsKey(uuid))
        {
            return ValueTask.FromResult(EslCommandResult.Error($"invalid session id [{uuid}]"));
        }

        SendMsgs.Enqueue((uuid, headers, body));
        return ValueTask.FromResult(EslCommandResult.Ok);
    }

    public void PublishEvent(string eventName, IReadOnlyList<KeyValuePair<string, string>> headers, string? body) => Fire(eventName, headers, body);

    public ValueTask<EslEvent?> GetChannelDataAsync(string uuid, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Channels.TryGetValue(uuid, out var evt) ? evt : null);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
