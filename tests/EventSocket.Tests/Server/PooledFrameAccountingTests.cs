using System.Globalization;

namespace Switch.EventSocket.Tests.Server;

/// <summary>Runs alone: it reads a process-wide count that other tests' servers would move.</summary>
[CollectionDefinition(nameof(PooledFrameAccountingTests), DisableParallelization = true)]
public sealed class PooledFrameAccountingCollection;

[Collection(nameof(PooledFrameAccountingTests))]
public sealed class PooledFrameAccountingTests
{
    [Fact]
    public async Task Every_pooled_frame_goes_back_after_delivery_a_killed_slow_consumer_and_shutdown()
    {
        await ServerFixture.EventuallyAsync(() => EslDelivery.PooledFramesInFlight == 0, "no frame in flight before the test");
        await using (var fx = await ServerFixture.StartAsync(o => { o.MaxQueuedEvents = 50; o.MaxLostEvents = 20; }))
        {
            await using var reader = await fx.LoginAsync();
            await reader.CommandAsync("event plain CUSTOM");
            await using var json = await fx.LoginAsync();
            await json.CommandAsync("event json CUSTOM");
            await using var slow = await RawClient.ConnectAsync(fx.EndPoint, receiveBuffer: 4096);
            await slow.ReadAsync();
            await slow.CommandAsync("auth ClueCon");
            await slow.CommandAsync("event plain ALL");

            // The readers get small CUSTOM events and keep up; the slow client never reads and also gets big
            // HEARTBEATs: its queue fills, it loses events and is killed with frames still queued.
            var big = new string('x', 16 * 1024);
            for (var i = 0; i < 2000; i++)
            {
                fx.Switch.Fire("HEARTBEAT", body: big);
                if (i % 10 == 0)
                {
                    fx.Switch.Fire("CUSTOM", [new("Round", i.ToString(CultureInfo.InvariantCulture))]);
                    Assert.Equal("CUSTOM", (await reader.ReadEventAsync()).EventName);
                    Assert.Equal("CUSTOM", (await json.ReadEventAsync()).EventName);
                }
            }

            await ServerFixture.EventuallyAsync(() => fx.Server.ConnectionCount == 2, "slow consumer killed");
        }

        await ServerFixture.EventuallyAsync(() => EslDelivery.PooledFramesInFlight == 0, "every pooled frame returned");
    }
}
