using Switch.Client;
using Switch.EventSocket;
using Switch.Examples.Router;

// The router: the switch parks every new call; this program decides where it goes (see Dialplan.cs).
// stdout gets one line per step, e.g. "park <uuid> 1000 -> 1001", "bridge <uuid> user/1001", "bridge-failed <uuid> USER_BUSY".
// Exit codes: 0 stopped with Ctrl+C, 2 bad arguments, 3 cannot connect or authenticate.
var arguments = RouterArguments.Parse(args, out var error);
if (arguments is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine("usage: Router [--esl 127.0.0.1:8021] [--password ClueCon] [--echo-extension 9196]");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

void Print(string line) => Console.Out.WriteLine(line);

EventSocketClient client;
try
{
    client = await EventSocketClient.ConnectAsync(new EventSocketClientOptions { Host = arguments.Host, Port = arguments.Port, Password = arguments.Password }, stop.Token);
}
catch (EventSocketException e)
{
    Print($"connect-failed {arguments.Host}:{arguments.Port} {e.Message}");
    return 3;
}

await using (client)
{
    client.ConnectionLost += (_, e) => Print($"connection-lost {e.Reason?.Message}");
    client.Reconnected += (_, e) => Print($"reconnected attempts={e.Attempts} resumed={e.Resumed}");
    await client.SubscribeAsync(EslEventFormat.Json, EventNames.ChannelLifecycle, stop.Token);
    Print($"connected {client.Peer}");

    var dialplan = new Dialplan(arguments.EchoExtension, Print);
    var routed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    var calls = new List<Task>();
    try
    {
        await foreach (var evt in client.ReadEventsAsync(stop.Token))
        {
            switch (evt)
            {
                case ChannelPark park when park.IsInbound && park.UniqueId is { } uuid && routed.Add(uuid):
                    Print($"park {uuid} {park.CallerIdNumber} -> {park.DestinationNumber}");
                    var call = client.GetChannel(park);
                    calls.Add(Task.Run(() => dialplan.RouteAsync(call, park.DestinationNumber ?? string.Empty, stop.Token)));
                    break;
                case ChannelHangupComplete done when done.UniqueId is { } ended:
                    routed.Remove(ended);
                    calls.RemoveAll(t => t.IsCompleted);
                    break;
            }
        }
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        Print("stopping");
    }

    await Task.WhenAll(calls).ContinueWith(_ => { }, TaskScheduler.Default);
}

return 0;
