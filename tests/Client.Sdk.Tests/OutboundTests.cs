using System.Net.Sockets;
using Switch.Client.Tests.Fakes;
using Switch.EventSocket;

namespace Switch.Client.Tests;

public sealed class OutboundTests
{
    private const string Uuid = "8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f";

    private static EslEvent ChannelData() => TestEvents.Create("CHANNEL_DATA", null, null, TestEvents.CoreUuid,
        ("Channel-Direction", "inbound"), ("Channel-Unique-ID", Uuid), ("Unique-ID", Uuid), ("Call-Direction", "inbound"),
        ("Answer-State", "ringing"), ("Caller-Caller-ID-Number", "1000"), ("Caller-Destination-Number", "5000"),
        ("variable_current_application_data", "127.0.0.1:8084 async full"));

    private static async Task<FakeEslPeer> DialAsync(OutboundListener listener)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(listener.Endpoint).WaitAsync(FakeEslPeer.Timeout);
        return new FakeEslPeer(socket);
    }

    private static async Task PlaySetupAsync(FakeEslPeer sw)
    {
        await sw.ExpectAsync("connect");
        await sw.WriteAsync(w => EslFrameWriter.WriteConnectReply(w, ChannelData()));
        await sw.ExpectAsync("myevents json");
        await sw.ReplyAsync("+OK Events Enabled");
        await sw.ExpectAsync("linger");
        await sw.ReplyAsync("+OK will linger");
    }

    [Fact]
    public async Task Session_connects_reads_channel_data_and_runs_scoped_commands()
    {
        await using var listener = new OutboundListener(new OutboundListenerOptions { Port = 0 });
        listener.Start();
        var accepting = listener.AcceptAsync();
        await using var sw = await DialAsync(listener);
        await PlaySetupAsync(sw);
        await using var session = await accepting.WaitAsync(FakeEslPeer.Timeout);

        Assert.Equal(Uuid, session.UniqueId);
        Assert.Equal("5000", session.ChannelData.DestinationNumber);
        Assert.Equal("1000", session.ChannelData.CallerIdNumber);
        Assert.Equal("127.0.0.1:8084 async full", session.ChannelData.GetVariable("current_application_data"));
        Assert.Equal(Uuid, session.Channel.UniqueId);

        // myevents already covers CHANNEL_EXECUTE_COMPLETE: the execute goes straight out as a sendmsg.
        var answering = session.Channel.AnswerAsync();
        var sendmsg = await sw.ExpectAsync("sendmsg " + Uuid);
        Assert.Equal("answer", sendmsg.GetHeader("execute-app-name"));
        await sw.ReplyAsync("+OK");
        await sw.EventAsync(TestEvents.Channel("CHANNEL_ANSWER", Uuid, ("Answer-State", "answered")));
        await sw.EventAsync(TestEvents.ExecuteComplete(Uuid, "answer", sendmsg.GetHeader("Event-UUID")!));
        await answering.WaitAsync(FakeEslPeer.Timeout);
        Assert.True(session.Channel.IsAnswered);

        var hangup = session.HangupAsync(HangupCause.UserBusy);
        var hangupMsg = await sw.ExpectAsync("sendmsg " + Uuid);
        Assert.Equal("USER_BUSY", hangupMsg.GetHeader("hangup-cause"));
        await sw.ReplyAsync("+OK");
        await hangup.WaitAsync(FakeEslPeer.Timeout);

        await sw.EventAsync(TestEvents.Channel("CHANNEL_HANGUP", Uuid, ("Hangup-Cause", "USER_BUSY")));
        await sw.WriteAsync(w => EslFrameWriter.WriteLingerNotice(w, Uuid, "sofia/internal/1000@192.0.2.10", -1));
        Assert.Equal(HangupCause.UserBusy, await session.Channel.WaitForHangupAsync().WaitAsync(FakeEslPeer.Timeout));

        var exiting = session.ExitAsync();
        await sw.ExpectAsync("exit");
        await sw.ReplyAsync("+OK bye");
        await exiting.WaitAsync(FakeEslPeer.Timeout);
        Assert.True(session.IsLingering);
        sw.Close();
        await session.Completion.WaitAsync(FakeEslPeer.Timeout);
    }

    [Fact]
    public async Task Run_handles_each_call_with_its_own_session()
    {
        await using var listener = new OutboundListener(new OutboundListenerOptions { Port = 0, Linger = false, MyEvents = false });
        listener.Start();
        using var stop = new CancellationTokenSource();
        var handled = new TaskCompletionSource<string>();
        var running = listener.RunAsync(
            async (session, ct) =>
            {
                await session.ExecuteAsync("park");
                handled.TrySetResult(session.UniqueId);
            },
            stop.Token);

        await using var sw = await DialAsync(listener);
        await sw.ExpectAsync("connect");
        await sw.WriteAsync(w => EslFrameWriter.WriteConnectReply(w, ChannelData()));
        await sw.ExpectAsync("event json CHANNEL_EXECUTE_COMPLETE CHANNEL_HANGUP_COMPLETE");
        await sw.ReplyAsync("+OK event listener enabled json");
        var park = await sw.ExpectAsync("sendmsg " + Uuid);
        await sw.ReplyAsync("+OK");
        await sw.EventAsync(TestEvents.ExecuteComplete(Uuid, "park", park.GetHeader("Event-UUID")!));

        Assert.Equal(Uuid, await handled.Task.WaitAsync(FakeEslPeer.Timeout));
        Assert.True(await sw.WaitForCloseAsync());
        await stop.CancelAsync();
        await running.WaitAsync(FakeEslPeer.Timeout);
    }

    [Fact]
    public async Task Connect_reply_without_channel_data_fails_setup()
    {
        await using var listener = new OutboundListener(new OutboundListenerOptions { Port = 0 });
        listener.Start();
        var accepting = listener.AcceptAsync();
        await using var sw = await DialAsync(listener);
        await sw.ExpectAsync("connect");
        await sw.ReplyAsync("-ERR command not found");
        await Assert.ThrowsAsync<EventSocketException>(() => accepting.WaitAsync(FakeEslPeer.Timeout));
    }
}
