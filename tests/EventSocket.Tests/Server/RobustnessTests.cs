using System.Diagnostics.Metrics;
using System.Net.Sockets;
using System.Text;

namespace Switch.EventSocket.Tests.Server;

public sealed class RobustnessTests
{
    [Fact]
    public async Task Oversized_header_block_closes_with_a_notice()
    {
        await using var fx = await ServerFixture.StartAsync(o => o.MaxCommandBytes = 1024);
        await using var client = await fx.LoginAsync();
        await client.SendAsync("api " + new string('x', 2000));
        var messages = await client.ReadUntilClosedAsync();
        Assert.Equal("text/disconnect-notice", Assert.Single(messages).ContentType);
    }

    [Theory]
    [InlineData("sendmsg\ncontent-length: 99999999\n\n")]
    [InlineData("sendmsg\ncontent-length: -1\n\n")]
    public async Task Bad_content_length_closes(string text)
    {
        await using var fx = await ServerFixture.StartAsync(o => o.MaxCommandBodyBytes = 1024);
        await using var client = await fx.LoginAsync();
        await client.SendAsync(text);
        Assert.Equal("text/disconnect-notice", Assert.Single(await client.ReadUntilClosedAsync()).ContentType);
    }

    [Fact]
    public async Task Binary_garbage_is_answered_as_unknown_commands_and_other_clients_are_unaffected()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var bystander = await fx.LoginAsync();
        await bystander.CommandAsync("event plain HEARTBEAT");
        await using var client = await fx.LoginAsync();
        var random = new Random(42);
        var garbage = new byte[4096];
        random.NextBytes(garbage);
        for (var i = 0; i < garbage.Length; i++)
        {
            // Keep it free of blank lines so it is one block, then end it.
            if (garbage[i] == '\n')
            {
                garbage[i] = (byte)'x';
            }
        }

        await client.SendAsync(garbage);
        await client.SendAsync("\n\n");
        Assert.Equal("-ERR command not found", (await client.ReadReplyAsync()).Message.ReplyText);
        Assert.Equal("+OK bye", await client.CommandAsync("exit"));
        fx.Switch.Fire("HEARTBEAT");
        Assert.Equal("HEARTBEAT", (await bystander.ReadEventAsync()).EventName);
    }

    [Fact]
    public async Task Half_closed_client_still_gets_the_reply_then_the_connection_ends()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.Api["status"] = _ => "UP\n";
        await using var client = await fx.LoginAsync();
        await client.SendAsync("api status\n\n");
        client.Socket.Shutdown(SocketShutdown.Send);
        var messages = await client.ReadUntilClosedAsync();
        Assert.Equal("UP\n", Assert.Single(messages).BodyText);
        await ServerFixture.EventuallyAsync(() => fx.Server.ConnectionCount == 0, "half-closed connection cleaned up");
    }

    [Fact]
    public async Task Command_without_blank_line_then_close_is_dropped_cleanly()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using (var client = await fx.LoginAsync())
        {
            await client.SendAsync("api status\n");
            client.Socket.Shutdown(SocketShutdown.Send);
            Assert.Empty(await client.ReadUntilClosedAsync());
        }

        Assert.Empty(fx.Switch.ApiCalls);
        await ServerFixture.EventuallyAsync(() => fx.Server.ConnectionCount == 0, "connection cleaned up");
    }

    [Fact]
    public async Task Command_flood_without_reading_is_answered_in_full_and_in_order()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.Api["n"] = a => a!;
        await using var client = await fx.LoginAsync();
        const int Count = 5000;
        var flood = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            flood.Append("api n ").Append(i).Append("\n\n");
        }

        var send = client.SendAsync(flood.ToString());
        for (var i = 0; i < Count; i++)
        {
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), (await client.ReadAsync()).Message.BodyText);
        }

        await send;
    }

    [Fact]
    public async Task Slow_consumer_is_disconnected_after_losing_events_without_slowing_the_publisher()
    {
        await using var fx = await ServerFixture.StartAsync(o => { o.MaxQueuedEvents = 50; o.MaxLostEvents = 20; });
        var lost = 0L;
        var killed = 0L;
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, fx.Server.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "esl.events.lost")
            {
                Interlocked.Add(ref lost, value);
            }
            else if (instrument.Name == "esl.connections.killed")
            {
                Interlocked.Add(ref killed, value);
            }
        });
        meterListener.Start();

        await using var healthy = await fx.LoginAsync();
        await healthy.CommandAsync("event plain HEARTBEAT");
        await using var slow = await RawClient.ConnectAsync(fx.EndPoint, receiveBuffer: 4096);
        await slow.ReadAsync();
        Assert.Equal("+OK accepted", await slow.CommandAsync("auth ClueCon"));
        Assert.Equal("+OK event listener enabled plain", await slow.CommandAsync("event plain ALL"));

        // The slow client never reads; big bodies fill the socket buffers fast.
        var body = new string('x', 16 * 1024);
        var publish = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 2000; i++)
        {
            fx.Switch.Fire("CUSTOM", body: body);
        }

        publish.Stop();
        Assert.True(publish.Elapsed < TimeSpan.FromSeconds(5), $"publishing took {publish.Elapsed}");
        await ServerFixture.EventuallyAsync(() => Interlocked.Read(ref killed) == 1, "slow consumer killed");
        Assert.True(Interlocked.Read(ref lost) > 20);

        var messages = await slow.ReadUntilClosedAsync();
        Assert.Equal("killed listener because of lost events\n", messages[^1].BodyText);
        Assert.True(messages.Count < 2000);

        fx.Switch.Fire("HEARTBEAT");
        Assert.Equal("HEARTBEAT", (await healthy.ReadEventAsync()).EventName);
    }

    [Fact]
    public async Task Two_hundred_clients_each_receive_every_event_in_order()
    {
        await using var fx = await ServerFixture.StartAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var c = await fx.LoginAsync();
            Assert.Equal("+OK event listener enabled json", await c.CommandAsync(i % 2 == 0 ? "event json ALL" : "event json CHANNEL_STATE"));
            return c;
        }));
        try
        {
            for (var i = 0; i < 100; i++)
            {
                fx.Switch.FireChannel("CHANNEL_STATE", "u" + i);
            }

            await Task.WhenAll(clients.Select(async c =>
            {
                for (var i = 0; i < 100; i++)
                {
                    Assert.Equal("u" + i, (await c.ReadEventAsync()).UniqueId);
                }
            }));
        }
        finally
        {
            foreach (var c in clients)
            {
                await c.DisposeAsync();
            }
        }
    }
}
