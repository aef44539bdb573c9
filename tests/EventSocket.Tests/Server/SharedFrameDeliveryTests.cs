using System.Globalization;
using System.Text;

namespace Switch.EventSocket.Tests.Server;

/// <summary>Connections in different formats and with filters each get exactly their events, byte for byte.</summary>
public sealed class SharedFrameDeliveryTests
{
    [Fact]
    public async Task Plain_json_and_filtered_subscribers_get_their_own_frames_of_every_event()
    {
        await using var fx = await ServerFixture.StartAsync();
        await using var plain = await fx.LoginAsync();
        await using var json = await fx.LoginAsync();
        await using var filtered = await fx.LoginAsync();
        await plain.CommandAsync("event plain CHANNEL_STATE");
        await json.CommandAsync("event json CHANNEL_STATE");
        await filtered.CommandAsync("event plain CHANNEL_STATE");
        await filtered.CommandAsync("filter Unique-ID u7");

        // Published in one burst, read afterwards: many frames are in flight at once, more than are pooled.
        var sent = new List<EslEvent>();
        for (var i = 0; i < 300; i++)
        {
            var padding = new string('x', i * 13 % 3000);
            sent.Add(fx.Switch.FireChannel("CHANNEL_STATE", "u" + (i % 10).ToString(CultureInfo.InvariantCulture), ("Padding", padding)));
        }

        foreach (var evt in sent)
        {
            Assert.Equal(Encoding.UTF8.GetString(evt.GetFrame(EslEventFormat.Plain).Span), (await plain.ReadAsync()).Raw);
            Assert.Equal(Encoding.UTF8.GetString(evt.GetFrame(EslEventFormat.Json).Span), (await json.ReadAsync()).Raw);
        }

        foreach (var evt in sent.Where(e => e.UniqueId == "u7"))
        {
            Assert.Equal(Encoding.UTF8.GetString(evt.GetFrame(EslEventFormat.Plain).Span), (await filtered.ReadAsync()).Raw);
        }

        Assert.Equal("+OK bye", await filtered.CommandAsync("exit"));
    }

    [Fact]
    public async Task A_reply_never_overtakes_events_published_before_its_command()
    {
        await using var fx = await ServerFixture.StartAsync();
        fx.Switch.Api["probe"] = _ => "+OK probe\n";
        await using var client = await fx.LoginAsync();
        await client.CommandAsync("event plain CHANNEL_STATE");
        for (var round = 0; round < 20; round++)
        {
            // Events are still queued or being written when the command arrives: the reply must wait for them;
            // when nothing is left it may go out at once, straight from the reader.
            var count = round % 2 == 0 ? 500 : 0;
            for (var i = 0; i < count; i++)
            {
                fx.Switch.FireChannel("CHANNEL_STATE", "u" + i.ToString(CultureInfo.InvariantCulture), ("Padding", new string('p', 500)));
            }

            await client.SendAsync("api probe\n\n");
            for (var i = 0; i < count; i++)
            {
                Assert.Equal("u" + i.ToString(CultureInfo.InvariantCulture), (await client.ReadEventAsync()).UniqueId);
            }

            var (reply, _) = await client.ReadAsync();
            Assert.Equal("api/response", reply.ContentType);
            Assert.Equal("+OK probe\n", reply.BodyText);
        }
    }
}

