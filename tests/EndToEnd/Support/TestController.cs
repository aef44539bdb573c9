using System.Collections.Concurrent;
using Switch.Client;
using Switch.EventSocket;

namespace Switch.EndToEnd.Support;

/// <summary>
/// A controller like a user would write with the SDK: it listens for every event and, when an inbound
/// a-leg is parked, runs a decision (e.g. bridge to user/1001). It records the events for assertions.
/// </summary>
internal sealed class TestController : IAsyncDisposable
{
    private readonly ConcurrentQueue<EventMessage> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private TestController(EventSocketClient client) => Client = client;

    public EventSocketClient Client { get; }

    /// <summary>What to do with a parked inbound a-leg: receives the client and the park event.</summary>
    public Func<EventSocketClient, EventMessage, Task>? OnPark { get; set; }

    public IReadOnlyList<EventMessage> Events => _events.ToArray();

    public static async Task<TestController> ConnectAsync(SwitchProcess sw)
    {
        var client = await EventSocketClient.ConnectAsync(new EventSocketClientOptions
        {
            Host = "127.0.0.1", Port = sw.EslPort, Password = SwitchProcess.Password, AutoReconnect = false,
        });
        var controller = new TestController(client);
        client.EventReceived += (_, e) => controller.OnEvent(e);
        await client.SubscribeAsync(EslEventFormat.Json, "ALL");
        return controller;
    }

    private void OnEvent(EventMessage e)
    {
        _events.Enqueue(e);
        _arrived.Release();
        if (e.Name == "CHANNEL_PARK" && e["Call-Direction"] == "inbound" && OnPark is { } decide)
        {
            _ = Task.Run(() => decide(Client, e));
        }
    }

    /// <summary>Waits until an event matching <paramref name="match"/> has arrived.</summary>
    public async Task<EventMessage> WaitForAsync(Func<EventMessage, bool> match, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = _events.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {what} within {timeout}; events seen:\n" +
                    string.Join("\n", _events.Select(ev => $"{ev.Name} {ev.UniqueId} {ev["Hangup-Cause"]}")));
            }
        }
    }

    /// <summary>The names of the events of one channel, in arrival order.</summary>
    public IReadOnlyList<string> EventNamesOf(string uuid, params string[] only) =>
        _events.Where(e => e.UniqueId == uuid && (only.Length == 0 || only.Contains(e.Name))).Select(e => e.Name).ToArray();

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
