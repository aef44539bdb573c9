using Switch.Client;
using Switch.EventSocket;
using Switch.Examples.CallCenter;

// An ACD queue: callers dialling the queue number are answered and hear hold music until an agent takes them.
// One line per step on stdout; queue statistics as JSON on http://127.0.0.1:8090/stats.
// Exit codes: 0 stopped with Ctrl+C, 2 bad arguments, 3 cannot connect or authenticate, 5 HTTP endpoint failed.
var arguments = CallCenterArguments.Parse(args, out var error);
if (arguments is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(CallCenterArguments.Usage);
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
catch (Exception e) when (e is EventSocketException or OperationCanceledException)
{
    Print($"connect-failed {arguments.Host}:{arguments.Port} {e.Message}");
    return 3;
}

await using (client)
{
    client.ConnectionLost += (_, e) => Print($"connection-lost {e.Reason?.Message}");
    client.Reconnected += (_, e) => Print($"reconnected attempts={e.Attempts} resumed={e.Resumed}");
    await client.SubscribeAsync(EslEventFormat.Json, [.. EventNames.ChannelLifecycle, EventNames.BackgroundJob], stop.Token);
    Print($"connected {client.Peer}");

    var queue = new CallQueue(arguments.Queue, TimeProvider.System);
    var controller = new QueueController(client, queue, Print);
    foreach (var agent in arguments.Agents)
    {
        controller.LogIn(agent);
    }

    Print($"queue {arguments.Queue.Number} strategy {queue.Snapshot().Strategy}");
    var http = new StatsEndpoint(arguments.HttpPrefix, controller, Print);
    var httpTask = http.RunAsync(stop.Token);
    if (httpTask.IsFaulted)
    {
        Print($"http-failed {arguments.HttpPrefix} {httpTask.Exception?.InnerException?.Message}");
        return 5;
    }

    try
    {
        await controller.RunAsync(stop.Token);
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        Print("stopping");
    }

    await httpTask.ContinueWith(_ => { }, TaskScheduler.Default);
}

return 0;
