namespace Switch.EventSocket.Tests.Server;

public sealed class EventSubscriptionTests
{
    [Fact]
    public async Task Event_plain_all_delivers_plain_frames_in_publish_order()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        Assert.Equal("Content-Type: command/reply\nReply-Text: +OK event listener enabled plain\n\n", await Raw(client, "event plain ALL"));
        var sent = Enumerable.Range(0, 20).Select(i => fx.Switch.FireChannel("CHANNEL_STATE", "u" + i)).ToList();
        foreach (var evt in sent)
        {
            var (message, raw) = await client.ReadAsync();
            Assert.Equal("text/event-plain", message.ContentType);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(evt.GetFrame(EslEventFormat.Plain).Span), raw);
        }
    }

    private static async Task<string> Raw(RawClient client, string line)
    {
        await client.SendAsync(line + "\n\n");
        return (await client.ReadAsync()).Raw;
    }

    [Theory]
    [InlineData("json", "text/event-json")]
    [InlineData("xml", "text/event-xml")]
    [InlineData("JSON", "text/event-json")]
    public async Task Event_format_word_selects_the_serialization(string word, string contentType)
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        Assert.Equal("+OK event listener enabled " + word.ToLowerInvariant(), await client.CommandAsync($"event {word} CHANNEL_ANSWER"));
        fx.Switch.FireChannel("CHANNEL_ANSWER", "a", ("Caller-Caller-ID-Name", "Müller & <Sons>"));
        var (message, _) = await client.ReadAsync();
        Assert.Equal(contentType, message.ContentType);
        Assert.True(message.TryGetEvent(out var evt));
        Assert.Equal("Müller & <Sons>", evt!.GetHeader("Caller-Caller-ID-Name"));
    }

    [Fact]
    public async Task Subscriptions_accumulate_unknown_names_are_ignored_and_events_prefix_works()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        Assert.Equal("-ERR no keywords supplied", await client.CommandAsync("event plain NOT_AN_EVENT"));
        Assert.Equal("-ERR no keywords supplied", await client.CommandAsync("event"));
        Assert.Equal("+OK event listener enabled plain", await client.CommandAsync("events plain  CHANNEL_ANSWER  bogus"));
        Assert.Equal("+OK event listener enabled plain", await client.CommandAsync("event SWITCH_EVENT_channel_hangup"));
        fx.Switch.FireChannel("CHANNEL_CREATE", "x");
        fx.Switch.FireChannel("CHANNEL_ANSWER", "a");
        fx.Switch.FireChannel("CHANNEL_HANGUP", "h");
        Assert.Equal("CHANNEL_ANSWER", (await client.ReadEventAsync()).EventName);
        Assert.Equal("CHANNEL_HANGUP", (await client.ReadEventAsync()).EventName);
    }

    [Fact]
    public async Task Format_change_sticks_even_when_no_names_were_known()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        Assert.Equal("+OK event listener enabled plain", await client.CommandAsync("event plain API"));
        Assert.Equal("-ERR no keywords supplied", await client.CommandAsync("event json"));
        fx.Switch.Fire("API");
        Assert.Equal("text/event-json", (await client.ReadAsync()).Message.ContentType);
    }

    [Fact]
    public async Task Custom_subclasses_follow_the_custom_token_including_neventsocket_double_space()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        Assert.Equal("+OK event listener enabled plain", await client.CommandAsync("event plain CHANNEL_ANSWER CUSTOM  sofia::register"));
        fx.Switch.Fire("CUSTOM", [new("Event-Subclass", "sofia::unregister")]);
        fx.Switch.Fire("CUSTOM", [new("Event-Subclass", "sofia::register")]);
        fx.Switch.Fire("CUSTOM");
        var first = await client.ReadEventAsync();
        Assert.Equal("sofia::register", first.EventSubclass);
        Assert.Null((await client.ReadEventAsync()).EventSubclass);
        Assert.Equal("+OK events nixed", await client.CommandAsync("nixevent CUSTOM sofia::register"));
        fx.Switch.Fire("CUSTOM", [new("Event-Subclass", "sofia::register")]);
        fx.Switch.FireChannel("CHANNEL_ANSWER", "a");
        Assert.Equal("CHANNEL_ANSWER", (await client.ReadEventAsync()).EventName);
    }

    [Fact]
    public async Task Nixevent_of_one_type_while_all_keeps_the_others()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        await client.CommandAsync("event plain ALL");
        Assert.Equal("+OK events nixed", await client.CommandAsync("nixevent CHANNEL_STATE"));
        Assert.Equal("-ERR no keywords supplied", await client.CommandAsync("nixevent nothing"));
        fx.Switch.FireChannel("CHANNEL_STATE", "s");
        fx.Switch.FireChannel("CHANNEL_ANSWER", "a");
        Assert.Equal("CHANNEL_ANSWER", (await client.ReadEventAsync()).EventName);
        Assert.Equal("+OK events nixed", await client.CommandAsync("nixevent ALL"));
        fx.Switch.FireChannel("CHANNEL_ANSWER", "a");
        Assert.Equal("+OK bye", await client.CommandAsync("exit"));
    }

    [Fact]
    public async Task Noevents_unsubscribes_and_discards_queued_events()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        Assert.Equal("-ERR not listening for events", await client.CommandAsync("noevents"));
        await client.CommandAsync("event plain ALL");
        Assert.Equal("+OK no longer listening for events", await client.CommandAsync("noevents"));
        fx.Switch.Fire("HEARTBEAT");
        Assert.Equal("+OK bye", await client.CommandAsync("exit"));
    }

    [Fact]
    public async Task Filters_or_together_exclude_with_minus_and_delete()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        await client.CommandAsync("event plain ALL");
        Assert.Equal("+OK filter added. [Unique-ID]=[a]", await client.CommandAsync("filter Unique-ID a"));
        Assert.Equal("+OK filter added. [Other-Leg-Unique-ID]=[a]", await client.CommandAsync("filter add Other-Leg-Unique-ID a"));
        Assert.Equal("+OK filter added. [Event-Name]=[-CHANNEL_STATE]", await client.CommandAsync("filter Event-Name -CHANNEL_STATE"));
        Assert.Equal("-ERR invalid syntax", await client.CommandAsync("filter Unique-ID"));
        fx.Switch.FireChannel("CHANNEL_ANSWER", "b");
        fx.Switch.FireChannel("CHANNEL_STATE", "a");
        fx.Switch.FireChannel("CHANNEL_ANSWER", "A");
        fx.Switch.FireChannel("CHANNEL_BRIDGE", "b", ("Other-Leg-Unique-ID", "a"));
        fx.Switch.Fire("HEARTBEAT");
        Assert.Equal(("CHANNEL_ANSWER", "A"), await NameAndId(client));
        Assert.Equal(("CHANNEL_BRIDGE", "b"), await NameAndId(client));

        Assert.Equal("+OK filter deleted. [Event-Name][]", await client.CommandAsync("filter delete Event-Name"));
        Assert.Equal("+OK filter deleted. [Unique-ID][a]", await client.CommandAsync("filter delete Unique-ID a"));
        fx.Switch.FireChannel("CHANNEL_STATE", "a");
        fx.Switch.FireChannel("CHANNEL_STATE", "z", ("Other-Leg-Unique-ID", "a"));
        Assert.Equal(("CHANNEL_STATE", "z"), await NameAndId(client));
        Assert.Equal("+OK filter deleted. [all][]", await client.CommandAsync("filter delete all"));
        fx.Switch.Fire("HEARTBEAT");
        Assert.Equal("HEARTBEAT", (await client.ReadEventAsync()).EventName);
    }

    [Fact]
    public async Task Regex_filter_matches_between_slashes()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        await client.CommandAsync("event plain ALL");
        Assert.Equal("+OK filter added. [Unique-ID]=[/^ab/]", await client.CommandAsync("filter Unique-ID /^ab/"));
        Assert.Equal("-ERR invalid regex", await client.CommandAsync("filter Unique-ID /(/"));
        fx.Switch.FireChannel("CHANNEL_STATE", "xab");
        fx.Switch.FireChannel("CHANNEL_STATE", "abc");
        Assert.Equal(("CHANNEL_STATE", "abc"), await NameAndId(client));
    }

    private static async Task<(string?, string?)> NameAndId(RawClient client)
    {
        var evt = await client.ReadEventAsync();
        return (evt.EventName, evt.UniqueId);
    }

    [Fact]
    public async Task Myevents_binds_to_a_channel_and_sendmsg_defaults_to_it()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.AddChannel("A");
        await using var client = await fx.LoginAsync();
        Assert.Equal("+OK Events Enabled", await client.CommandAsync("myevents A json"));
        Assert.Equal("-ERR aready enabled.", await client.CommandAsync("myevents A"));
        fx.Switch.FireChannel("CHANNEL_ANSWER", "B");
        fx.Switch.FireChannel("HEARTBEAT", "A");
        fx.Switch.FireChannel("CHANNEL_ANSWER", "A");
        var (message, _) = await client.ReadAsync();
        Assert.Equal("text/event-json", message.ContentType);
        Assert.True(message.TryGetEvent(out var evt));
        Assert.Equal(("CHANNEL_ANSWER", "A"), (evt!.EventName, evt.UniqueId));

        Assert.Equal("+OK", await client.CommandAsync("sendmsg\ncall-command: execute\nexecute-app-name: answer"));
        Assert.True(fx.Switch.SendMsgs.TryDequeue(out var msg));
        Assert.Equal("A", msg.Uuid);
        Assert.Equal("1001", await client.CommandAsync("getvar sip_to_user"));
        Assert.Equal("-ERR command not found", await client.CommandAsync("getvar unset_variable"));
        Assert.Equal("+OK events diverted", await client.CommandAsync("divert_events on"));
        Assert.Equal("-ERR missing value.", await client.CommandAsync("divert_events"));
    }

    [Fact]
    public async Task Bound_channel_hangup_without_linger_sends_session_notice_and_closes()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.AddChannel("A");
        await using var client = await fx.LoginAsync();
        await client.CommandAsync("myevents A");
        fx.Switch.FireChannel("CHANNEL_HANGUP_COMPLETE", "A");
        Assert.Equal("CHANNEL_HANGUP_COMPLETE", (await client.ReadEventAsync()).EventName);
        var (_, raw) = await client.ReadAsync();
        Assert.Equal("Content-Type: text/disconnect-notice\nControlled-Session-UUID: A\nContent-Disposition: disconnect\nContent-Length: 67\n\nDisconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n", raw);
        Assert.Empty(await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task Linger_keeps_streaming_after_hangup_until_the_linger_time()
    {
        var time = new ManualTimeProvider();
        await using var fx = await ServerFixture.StartAsync(time: time);
        fx.Switch.AddChannel("A");
        await using var client = await fx.LoginAsync();
        await client.CommandAsync("myevents A");
        Assert.Equal("+OK will linger 30 seconds", await client.CommandAsync("linger 30"));
        fx.Switch.FireChannel("CHANNEL_HANGUP_COMPLETE", "A");
        Assert.Equal("CHANNEL_HANGUP_COMPLETE", (await client.ReadEventAsync()).EventName);
        var (_, raw) = await client.ReadAsync();
        Assert.Equal("Content-Type: text/disconnect-notice\nControlled-Session-UUID: A\nContent-Disposition: linger\nChannel-Name: sofia/internal/1000@192.0.2.10\nLinger-Time: 30\nContent-Length: 0\n\n", raw);
        fx.Switch.FireChannel("CHANNEL_DESTROY", "A");
        Assert.Equal("CHANNEL_DESTROY", (await client.ReadEventAsync()).EventName);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("disconnect", (await client.ReadAsync()).Message.GetHeader("Content-Disposition"));
        Assert.Empty(await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task Linger_forever_and_nolinger_replies()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.AddChannel("A");
        await using var client = await fx.LoginAsync();
        await client.CommandAsync("myevents A");
        Assert.Equal("+OK will linger", await client.CommandAsync("linger"));
        Assert.Equal("+OK will not linger", await client.CommandAsync("nolinger"));
        Assert.Equal("+OK will linger", await client.CommandAsync("linger"));
        fx.Switch.FireChannel("CHANNEL_HANGUP_COMPLETE", "A");
        await client.ReadEventAsync();
        Assert.Equal("-1", (await client.ReadAsync()).Message.GetHeader("Linger-Time"));
        Assert.Equal("+OK bye", await client.CommandAsync("exit"));
        Assert.Equal("A", (await client.ReadAsync()).Message.GetHeader("Controlled-Session-UUID"));
    }
}
