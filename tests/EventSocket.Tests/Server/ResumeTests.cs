using System.Globalization;

namespace Switch.EventSocket.Tests.Server;

public sealed class ResumeTests
{
    [Fact]
    public async Task Resume_replays_missed_events_then_continues_live_without_gaps_or_duplicates()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using (var first = await fx.LoginAsync())
        {
            await first.CommandAsync("event plain CHANNEL_STATE");
            for (var i = 0; i < 10; i++)
            {
                fx.Switch.FireChannel("CHANNEL_STATE", "u" + i);
            }

            for (var i = 0; i < 4; i++)
            {
                await first.ReadEventAsync();
            }
        }

        var lastSeen = 4L; // sequences start at 1: the client saw u0..u3
        fx.Switch.FireChannel("CHANNEL_STATE", "u10");
        fx.Switch.Fire("HEARTBEAT");
        await using var second = await fx.LoginAsync();
        await second.CommandAsync("event plain CHANNEL_STATE");
        Assert.Equal("+OK resumed 7 events, 0 missing", await second.CommandAsync("event resume " + lastSeen.ToString(CultureInfo.InvariantCulture)));
        fx.Switch.FireChannel("CHANNEL_STATE", "u11");
        for (var i = 4; i <= 11; i++)
        {
            Assert.Equal("u" + i, (await second.ReadEventAsync()).UniqueId);
        }
    }

    [Fact]
    public async Task Resume_with_queued_live_events_does_not_duplicate_them()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var client = await fx.LoginAsync();
        await client.CommandAsync("event plain ALL");
        var a = fx.Switch.Fire("HEARTBEAT");
        fx.Switch.Fire("HEARTBEAT");
        fx.Switch.Fire("HEARTBEAT");
        await client.SendAsync($"event resume {a.Sequence}\n\n");

        // Whatever of the live stream got written before the reply, after it come exactly the events after `a`.
        var seen = new List<long>();
        while (true)
        {
            var (message, _) = await client.ReadAsync();
            if (message.ContentType == "command/reply")
            {
                Assert.Equal("+OK resumed 2 events, 0 missing", message.ReplyText);
                break;
            }

            Assert.True(message.TryGetEvent(out var evt));
            seen.Add(evt!.Sequence!.Value);
        }

        Assert.Equal(a.Sequence + 1, (await client.ReadEventAsync()).Sequence);
        Assert.Equal(a.Sequence + 2, (await client.ReadEventAsync()).Sequence);
        Assert.True(seen.Count <= 3);
        Assert.Equal("+OK bye", await client.CommandAsync("exit"));
    }

    [Fact]
    public async Task Resume_reports_events_that_fell_out_of_the_journal()
    {
        await using var fx = await ServerFixture.StartAsync(o => o.JournalCapacity = 5);
        for (var i = 0; i < 20; i++)
        {
            fx.Switch.Fire("HEARTBEAT");
        }

        await using var client = await fx.LoginAsync();
        await client.CommandAsync("event plain ALL");
        Assert.Equal("+OK resumed 5 events, 12 missing", await client.CommandAsync("event resume 3"));
        for (var s = 16; s <= 20; s++)
        {
            Assert.Equal(s, (await client.ReadEventAsync()).Sequence);
        }
    }

    [Fact]
    public async Task Resume_argument_errors()
    {
        await using var fx = await ServerFixture.StartAsync(o => o.JournalCapacity = 0);
        await using var client = await fx.LoginAsync();
        Assert.Equal("-ERR invalid sequence", await client.CommandAsync("event resume x"));
        Assert.Equal("-ERR resume not available", await client.CommandAsync("event resume 1"));
    }
}
