using Switch.Client;
using Switch.Examples.ClickToCall;

// Click to call (RFC 3725 third-party call control through the switch):
//   1. originate the agent (user/<agent>, &park()) and wait for the answer
//   2. bridge the agent's leg to user/<customer>: the switch rings the customer, the agent hears ringback
//   3. print each step on stdout, one line each; exit with a code per outcome (see README.md)
var arguments = ClickToCallArguments.Parse(args, out var error);
if (arguments is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine("usage: ClickToCall --agent 1008 --customer 1018 [--caller-id N] [--timeout 30] [--agent-timeout 30] [--esl 127.0.0.1:8021] [--password ClueCon]");
    return ExitCodes.BadArguments;
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
    client = await EventSocketClient.ConnectAsync(
        new EventSocketClientOptions { Host = arguments.Host, Port = arguments.Port, Password = arguments.Password, AutoReconnect = false },
        stop.Token);
}
catch (Exception e) when (e is EventSocketException or OperationCanceledException)
{
    Print($"connect-failed {arguments.Host}:{arguments.Port} {e.Message}");
    return ExitCodes.SwitchUnreachable;
}

await using (client)
{
    Print($"connected {client.Peer}");
    Channel? agent = null;
    try
    {
        // 1. Ring the agent; the agent sees the customer's number.
        Print($"originate-agent user/{arguments.Agent}");
        agent = await client.OriginateAsync($"user/{arguments.Agent}", new OriginateOptions
        {
            CallerIdNumber = arguments.Customer,
            CallerIdName = "Click to call",
            Timeout = TimeSpan.FromSeconds(arguments.AgentTimeoutSeconds),
        }, stop.Token);
        Print($"agent-ringing {agent.UniqueId}");
        try
        {
            await agent.WaitForAnswerAsync(stop.Token);
        }
        catch (ChannelHangupException e)
        {
            Print($"agent-failed {e.CauseName}");
            return ExitCodes.ForFailure(e.Cause, customer: false);
        }

        Print($"agent-answered {agent.UniqueId}");

        // 2. Connect the agent to the customer; the customer sees --caller-id (default: the agent's number).
        var callerId = arguments.CallerId ?? arguments.Agent;
        var dial = $"{{origination_caller_id_number={callerId},originate_timeout={arguments.TimeoutSeconds}}}user/{arguments.Customer}";
        Print($"bridge-customer user/{arguments.Customer}");
        var bridging = agent.BridgeAsync(dial, stop.Token);
        var bridged = agent.WaitForBridgeAsync(stop.Token);
        if (await Task.WhenAny(bridging, bridged) == bridged && bridged.IsCompletedSuccessfully)
        {
            Print($"bridged {agent.UniqueId} {agent.OtherLegUniqueId}");
        }

        var result = await bridging;
        if (!result.Bridged && (agent.IsHungUp || result.Cause == HangupCause.OriginatorCancel))
        {
            // The agent hung up while the customer's phone was ringing: the switch cancelled the customer.
            var agentCause = await agent.WaitForHangupAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(2), stop.Token)
                .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.ToName() : HangupCause.OriginatorCancel.ToName(), TaskScheduler.Default);
            Print($"agent-hungup {agentCause}");
            return ExitCodes.AgentHungUp;
        }

        if (!result.Bridged)
        {
            var cause = result.Cause == HangupCause.None ? HangupCause.NormalUnspecified : result.Cause;
            Print($"customer-failed {result.CauseName ?? cause.ToName()}");
            await agent.HangupAsync(HangupCause.NormalClearing, stop.Token);
            Print($"agent-hangup {agent.UniqueId}");
            return ExitCodes.ForFailure(cause, customer: true);
        }

        if (!bridged.IsCompleted)
        {
            Print($"bridged {agent.UniqueId} {result.OtherUniqueId}");
        }

        // 3. The bridge application returns when the call is over; hang the agent up if the customer left first.
        if (!agent.IsHungUp)
        {
            await agent.HangupAsync(HangupCause.NormalClearing, stop.Token);
        }

        Print($"completed {agent.HangupCauseName ?? HangupCause.NormalClearing.ToName()}");
        return ExitCodes.Success;
    }
    catch (ChannelHangupException e) when (agent is not null)
    {
        Print($"agent-hungup {e.CauseName}");
        return ExitCodes.AgentHungUp;
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        Print("interrupted");
        if (agent is not null)
        {
            await agent.HangupAsync(HangupCause.NormalClearing, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return ExitCodes.Interrupted;
    }
    catch (EventSocketException e)
    {
        Print($"error {e.Message}");
        return ExitCodes.UnexpectedError;
    }
}
