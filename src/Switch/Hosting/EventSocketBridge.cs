using Switch.Calls;
using Switch.Commands;
using Switch.Events;
using Switch.EventSocket;

namespace Switch.Hosting;

/// <summary>
/// Puts the switch behind the event socket's seams: the bus as its event source, the api registry and the
/// call engine as its command executor. The ESL library never sees the switch's own types.
/// </summary>
internal sealed class EventSocketBridge(EventBus bus, ApiCommandRegistry api, CallEngine calls) : IEslEventSource, IEslCommandExecutor
{
    public IDisposable Subscribe(Action<EslEvent> onEvent) =>
        bus.Subscribe(e => onEvent(new EslEvent(e.HeaderParts, e.Body, e.SharedParts)));

    public IDisposable Subscribe(Action<EslEvent> onEvent, Func<string, string?, bool> wants) =>
        bus.Subscribe(e => onEvent(new EslEvent(e.HeaderParts, e.Body, e.SharedParts)), wants);

    public async ValueTask<string> ExecuteApiAsync(string command, string? arguments, CancellationToken cancellationToken)
    {
        if (bus.Wants("API"))
        {
            bus.Publish(new SwitchEventBuilder("API").Add("API-Command", command).Add("API-Command-Argument", arguments));
        }
        return await api.ExecuteAsync(command, arguments, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<EslCommandResult> SendMsgAsync(string uuid, IReadOnlyList<KeyValuePair<string, string>> headers, string? body,
        CancellationToken cancellationToken)
    {
        if (!calls.Exists(uuid))
        {
            return ValueTask.FromResult(EslCommandResult.Error($"invalid session id [{uuid}]"));
        }
        var message = EslSendMsg.Parse(headers, body);
        switch (message.CallCommand)
        {
            case "execute":
                if (string.IsNullOrWhiteSpace(message.ApplicationName))
                {
                    return ValueTask.FromResult(EslCommandResult.Error("no execute-app-name"));
                }
                // FreeSWITCH queues the application on the channel and replies at once; the controller
                // learns the outcome from CHANNEL_EXECUTE_COMPLETE (Application-UUID = Event-UUID).
                for (var i = 0; i < Math.Max(1, message.Loops); i++)
                {
                    _ = calls.ExecuteApplicationAsync(uuid, message.ApplicationName, message.ApplicationArgument,
                        message.EventUuid, message.EventUuidName, CancellationToken.None).AsTask();
                }
                return ValueTask.FromResult(EslCommandResult.Ok);
            case "hangup":
                _ = calls.HangupAsync(uuid, HangupCauses.Parse(message.HangupCause));
                return ValueTask.FromResult(EslCommandResult.Ok);
            case "":
                return ValueTask.FromResult(EslCommandResult.Error("no call-command"));
            default:
                return ValueTask.FromResult(EslCommandResult.Error($"unsupported call-command [{message.CallCommand}]"));
        }
    }

    public void PublishEvent(string eventName, IReadOnlyList<KeyValuePair<string, string>> headers, string? body)
    {
        string? subclass = null;
        foreach (var h in headers)
        {
            if (string.Equals(h.Key, "Event-Subclass", StringComparison.OrdinalIgnoreCase))
            {
                subclass = h.Value;
            }
        }
        var builder = new SwitchEventBuilder(eventName, eventName == "CUSTOM" ? subclass : null) { Body = body };
        foreach (var h in headers)
        {
            if (!string.Equals(h.Key, "Event-Subclass", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(h.Key, "Event-Name", StringComparison.OrdinalIgnoreCase))
            {
                builder.Add(h.Key, h.Value);
            }
        }
        bus.Publish(builder);
    }

    public async ValueTask<EslEvent?> GetChannelDataAsync(string uuid, CancellationToken cancellationToken)
    {
        var headers = await calls.DumpAsync(uuid).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (headers is null)
        {
            return null;
        }
        var builder = new SwitchEventBuilder("CHANNEL_DATA") { UniqueId = uuid };
        foreach (var h in headers)
        {
            builder.Add(h.Key, h.Value);
        }
        var e = bus.Create(builder);
        return new EslEvent(e.HeaderParts, e.Body, e.SharedParts);
    }
}
