using Switch.Client.Tests.Fakes;

namespace Switch.Client.Tests;

public sealed class ChannelTests
{
    [Fact]
    public void Originate_line_carries_the_uuid_variables_and_application()
    {
        var line = EventSocketConnection.BuildOriginate("user/1008", "u-1", new OriginateOptions
        {
            CallerIdNumber = "5000",
            CallerIdName = "Click to call",
            Timeout = TimeSpan.FromSeconds(20),
            Variables = [new("hangup_after_bridge", "true")],
        });
        Assert.Equal("originate {origination_uuid=u-1,origination_caller_id_number=5000,origination_caller_id_name='Click to call',originate_timeout=20,hangup_after_bridge=true}user/1008 &park()", line);

        var merged = EventSocketConnection.BuildOriginate("{ignore_early_media=true}user/1", "u-2", new OriginateOptions { Application = "playback", ApplicationArgument = "tone_stream://%(100,100,440)" });
        Assert.Equal("originate {origination_uuid=u-2,ignore_early_media=true}user/1 &playback(tone_stream://%(100,100,440))", merged);
    }

    [Fact]
    public async Task Originate_then_answer_and_hangup_follow_the_leg_events()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;

        var originating = client.OriginateAsync("user/1008");
        var subscription = await peer.ExpectAsync("event json CHANNEL_CREATE CHANNEL_ANSWER CHANNEL_PARK");
        Assert.EndsWith("DTMF BACKGROUND_JOB", subscription.Line, StringComparison.Ordinal);
        await peer.ReplyAsync("+OK event listener enabled json");
        var bgapi = await peer.ExpectAsync("bgapi originate {origination_uuid=");
        var uuid = bgapi.Line.Split('=', 2)[1].Split('}')[0];
        await peer.BgApiReplyAsync(bgapi.GetHeader("Job-UUID")!);
        var channel = await originating.WaitAsync(FakeEslPeer.Timeout);
        Assert.Equal(uuid, channel.UniqueId);

        var answered = channel.WaitForAnswerAsync();
        await peer.EventAsync(TestEvents.Channel("CHANNEL_PROGRESS", uuid));
        Assert.False(answered.IsCompleted);
        await peer.EventAsync(TestEvents.Channel("CHANNEL_ANSWER", uuid, ("Answer-State", "answered")));
        await answered.WaitAsync(FakeEslPeer.Timeout);
        Assert.True(channel.IsAnswered);

        var hungUp = channel.WaitForHangupAsync();
        await peer.EventAsync(TestEvents.Channel("CHANNEL_HANGUP", uuid, ("Hangup-Cause", "NORMAL_CLEARING")));
        Assert.Equal(HangupCause.NormalClearing, await hungUp.WaitAsync(FakeEslPeer.Timeout));
        Assert.True(channel.IsHungUp);
    }

    [Fact]
    public async Task Failed_originate_ends_the_leg_with_the_job_cause()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        await CorrelationTests.SubscribeAllAsync(client, peer);

        var originating = client.OriginateAsync("user/1018", new OriginateOptions { UniqueId = "cust-1" });
        var bgapi = await peer.ExpectAsync("bgapi originate {origination_uuid=cust-1}user/1018 &park()");
        var job = bgapi.GetHeader("Job-UUID")!;
        await peer.BgApiReplyAsync(job);
        var channel = await originating.WaitAsync(FakeEslPeer.Timeout);
        await peer.EventAsync(TestEvents.Job(job, "-ERR USER_BUSY\n"));

        var error = await Assert.ThrowsAsync<ChannelHangupException>(() => channel.WaitForAnswerAsync().WaitAsync(FakeEslPeer.Timeout));
        Assert.Equal(HangupCause.UserBusy, error.Cause);
        Assert.Equal(HangupCause.UserBusy, await channel.WaitForHangupAsync().WaitAsync(FakeEslPeer.Timeout));
        await Assert.ThrowsAsync<ChannelHangupException>(() => channel.PlaybackAsync("x.wav"));
    }

    [Fact]
    public async Task Bridge_application_failure_reports_the_originate_cause()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        await CorrelationTests.SubscribeAllAsync(client, peer);
        var call = client.GetChannel((ChannelEvent)EventMessage.Create(TestEvents.Channel("CHANNEL_PARK", "a-leg", ("Call-Direction", "inbound"))));

        var bridging = call.BridgeAsync("user/1001");
        var sendmsg = await peer.ExpectAsync("sendmsg a-leg");
        Assert.Equal("bridge", sendmsg.GetHeader("execute-app-name"));
        Assert.Equal("user/1001", sendmsg.GetHeader("execute-app-arg"));
        await peer.ReplyAsync("+OK");
        await peer.EventAsync(TestEvents.ExecuteComplete("a-leg", "bridge", sendmsg.GetHeader("Event-UUID")!, "_none_",
            ("variable_originate_disposition", "USER_NOT_REGISTERED"), ("variable_originate_failed_cause", "USER_NOT_REGISTERED"), ("variable_DIALSTATUS", "USER_NOT_REGISTERED")));

        var result = await bridging.WaitAsync(FakeEslPeer.Timeout);
        Assert.False(result.Bridged);
        Assert.Equal(HangupCause.UserNotRegistered, result.Cause);
    }

    [Fact]
    public async Task Bridge_application_success_is_reported_when_it_completes()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        await CorrelationTests.SubscribeAllAsync(client, peer);
        var call = client.GetChannel("a-leg");

        var bridging = call.BridgeAsync("user/1001");
        var sendmsg = await peer.ExpectAsync("sendmsg a-leg");
        await peer.ReplyAsync("+OK");
        var bridged = call.WaitForBridgeAsync();
        await peer.EventAsync(TestEvents.Channel("CHANNEL_BRIDGE", "a-leg", ("Bridge-A-Unique-ID", "a-leg"), ("Bridge-B-Unique-ID", "b-leg")));
        await bridged.WaitAsync(FakeEslPeer.Timeout);
        Assert.Equal("b-leg", call.OtherLegUniqueId);
        await peer.EventAsync(TestEvents.ExecuteComplete("a-leg", "bridge", sendmsg.GetHeader("Event-UUID")!, "_none_", ("variable_originate_disposition", "call accepted")));

        var result = await bridging.WaitAsync(FakeEslPeer.Timeout);
        Assert.True(result.Bridged);
        Assert.Equal("b-leg", result.OtherUniqueId);
    }

    [Fact]
    public async Task Read_digits_runs_play_and_get_digits_and_returns_the_variable()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        await CorrelationTests.SubscribeAllAsync(client, peer);
        var call = client.GetChannel("ivr-leg");

        var reading = call.ReadDigitsAsync(new ReadDigitsOptions { MinDigits = 1, MaxDigits = 4, Tries = 2, Timeout = TimeSpan.FromSeconds(3), Prompt = "prompt.wav", VariableName = "pin" });
        var sendmsg = await peer.ExpectAsync("sendmsg ivr-leg");
        Assert.Equal("play_and_get_digits", sendmsg.GetHeader("execute-app-name"));
        Assert.Equal("1 4 2 3000 # prompt.wav silence_stream://250 pin \\d+", sendmsg.GetHeader("execute-app-arg"));
        await peer.ReplyAsync("+OK");
        await peer.EventAsync(TestEvents.ExecuteComplete("ivr-leg", "play_and_get_digits", sendmsg.GetHeader("Event-UUID")!, "_none_", ("variable_pin", "1234")));
        Assert.Equal("1234", await reading.WaitAsync(FakeEslPeer.Timeout));
    }

    [Fact]
    public async Task Set_and_get_variable_use_uuid_commands()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        var call = client.GetChannel("v-leg");

        var setting = call.SetVariableAsync("queue", "sales");
        await peer.ExpectAsync("api uuid_setvar v-leg queue sales");
        await peer.ApiResponseAsync("+OK\n");
        await setting.WaitAsync(FakeEslPeer.Timeout);

        var getting = call.GetVariableAsync("missing");
        await peer.ExpectAsync("api uuid_getvar v-leg missing");
        await peer.ApiResponseAsync("_undef_");
        Assert.Null(await getting.WaitAsync(FakeEslPeer.Timeout));

        var failing = call.SetVariableAsync("x", "y");
        await peer.ExpectAsync("api uuid_setvar v-leg x y");
        await peer.ApiResponseAsync("-ERR No such channel!\n");
        await Assert.ThrowsAsync<EventSocketCommandException>(() => failing.WaitAsync(FakeEslPeer.Timeout));
    }

    [Fact]
    public async Task Channel_events_stream_ends_at_hangup_complete()
    {
        await using var server = new FakeEslServer();
        var (client, peer) = await server.ConnectAsync();
        await using var _ = client;
        await CorrelationTests.SubscribeAllAsync(client, peer);
        var call = client.GetChannel("e-leg");
        await using var events = call.Events.GetAsyncEnumerator();
        var first = events.MoveNextAsync();
        await peer.EventAsync(TestEvents.Channel("DTMF", "e-leg", ("DTMF-Digit", "5")));
        await peer.EventAsync(TestEvents.Channel("CHANNEL_ANSWER", "other-leg"));
        await peer.EventAsync(TestEvents.Channel("CHANNEL_HANGUP_COMPLETE", "e-leg", ("Hangup-Cause", "NORMAL_CLEARING")));
        var names = new List<string>();
        var more = await first.AsTask().WaitAsync(FakeEslPeer.Timeout);
        while (more)
        {
            names.Add(events.Current.Name);
            more = await events.MoveNextAsync().AsTask().WaitAsync(FakeEslPeer.Timeout);
        }

        Assert.Equal(["DTMF", "CHANNEL_HANGUP_COMPLETE"], names);
    }
}
