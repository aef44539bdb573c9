using System.Collections.Concurrent;
using Switch.EventSocket;

namespace Switch.Client.Tests.Fakes;

/// <summary>
/// A fake switch that answers every command by itself: subscriptions, sendmsg (apps complete at once, except
/// playback, which completes on <c>uuid_break</c>; hangup emits the hangup events), bgapi originate (the leg
/// answers), api (uuid_bridge emits CHANNEL_BRIDGE). It records every command line.
/// </summary>
internal sealed class AutoSwitch(FakeEslPeer peer)
{
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>When set, the bridge application fails with this cause.</summary>
    public string? BridgeFailure { get; set; }

    /// <summary>Plays the switch until the connection closes (a write racing the test's close ends it too).</summary>
    public async Task RunAsync()
    {
        try
        {
            await ServeCommandsAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Replies to every command and emits the events that follow it, as the switch would.</summary>
    private async Task ServeCommandsAsync()
    {
        var playbacks = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            EslCommand command;
            try
            {
                command = await peer.ReadCommandAsync();
            }
            catch (Exception e) when (e is EndOfStreamException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            Commands.Enqueue(command.Line);
            if (command.Is("event"))
            {
                await peer.ReplyAsync("+OK event listener enabled json");
            }
            else if (command.Is("sendmsg"))
            {
                var uuid = command.ArgumentsAfter("sendmsg");
                await peer.ReplyAsync("+OK");
                var app = command.GetHeader("execute-app-name");
                var eventUuid = command.GetHeader("Event-UUID") ?? string.Empty;
                if (app == "bridge" && BridgeFailure is { } failure)
                {
                    await peer.EventAsync(TestEvents.ExecuteComplete(uuid, app, eventUuid, "_none_", ("variable_originate_disposition", failure), ("variable_originate_failed_cause", failure)));
                }
                else if (command.GetHeader("call-command") == "hangup")
                {
                    var cause = command.GetHeader("hangup-cause") ?? "NORMAL_CLEARING";
                    await peer.EventAsync(TestEvents.Channel("CHANNEL_HANGUP", uuid, ("Hangup-Cause", cause)));
                    await peer.EventAsync(TestEvents.Channel("CHANNEL_HANGUP_COMPLETE", uuid, ("Hangup-Cause", cause)));
                }
                else if (app == "playback")
                {
                    playbacks[uuid] = eventUuid;
                }
                else
                {
                    await peer.EventAsync(TestEvents.ExecuteComplete(uuid, app ?? string.Empty, eventUuid, "_none_", ("Answer-State", "answered")));
                }
            }
            else if (command.Is("bgapi"))
            {
                var job = command.GetHeader("Job-UUID")!;
                await peer.BgApiReplyAsync(job);
                var leg = command.Line.Split("origination_uuid=", 2)[1].Split(',', '}')[0];
                await peer.EventAsync(TestEvents.Channel("CHANNEL_ANSWER", leg, ("Answer-State", "answered"), ("Call-Direction", "outbound")));
                await peer.EventAsync(TestEvents.Job(job, "+OK " + leg + "\n"));
            }
            else if (command.Is("api"))
            {
                var words = command.ArgumentsAfter("api").Split(' ');
                await peer.ApiResponseAsync("+OK\n");
                if (words[0] == "uuid_break" && playbacks.Remove(words[1], out var eventUuid))
                {
                    await peer.EventAsync(TestEvents.ExecuteComplete(words[1], "playback", eventUuid, "FILE PLAYED"));
                }
                else if (words[0] == "uuid_bridge")
                {
                    await peer.EventAsync(TestEvents.Channel("CHANNEL_BRIDGE", words[1], ("Bridge-A-Unique-ID", words[1]), ("Bridge-B-Unique-ID", words[2])));
                }
            }
            else if (command.Is("exit"))
            {
                await peer.ReplyAsync("+OK bye");
                return;
            }
            else
            {
                await peer.ReplyAsync("-ERR command not found");
            }
        }
    }
}
