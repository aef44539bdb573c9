using System.Runtime.InteropServices;

namespace Switch.EventSocket.Tests.Server;

public sealed class EslDeliveryTests
{
    private static EslEvent Sample(string body) => EslEvent.Create(
        body,
        ("Event-Name", "CHANNEL_STATE"),
        ("Unique-ID", "2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f"),
        ("Event-Date-Local", "2025-03-04 10:20:30"),
        ("Caller-Caller-ID-Name", "Alice Müller 😀"));

    [Theory]
    [InlineData(EslEventFormat.Plain, true)]
    [InlineData(EslEventFormat.Json, true)]
    [InlineData(EslEventFormat.Xml, true)]
    [InlineData(EslEventFormat.Plain, false)]
    [InlineData(EslEventFormat.Json, false)]
    public void Shared_frame_equals_the_event_frame(EslEventFormat format, bool mayPool)
    {
        // A body longer than the first rented size makes the pooled builder grow.
        foreach (var body in new[] { string.Empty, "+OK\n", new string('x', 9000) })
        {
            var evt = Sample(body);
            var delivery = new EslDelivery(evt, format, mayPool);
            Assert.Equal(evt.GetFrame(format).ToArray(), delivery.Frame.ToArray());
            Assert.True(delivery.HoldsFrame);
            delivery.Release();
            Assert.False(delivery.HoldsFrame);
        }
    }

    [Fact]
    public void Frame_is_given_up_only_by_the_last_reference()
    {
        var delivery = new EslDelivery(Sample("b"), EslEventFormat.Plain);
        delivery.AddDelivery();
        delivery.AddDelivery();
        var frame = delivery.Frame.ToArray();
        delivery.Release(); // the publisher's
        delivery.Release();
        Assert.True(delivery.HoldsFrame);
        Assert.Equal(frame, delivery.Frame.ToArray());
        delivery.Release();
        Assert.False(delivery.HoldsFrame);
    }

    [Fact]
    public void A_delivery_dropped_before_any_write_never_builds()
    {
        var delivery = new EslDelivery(Sample("b"), EslEventFormat.Json);
        delivery.AddDelivery();
        delivery.Release();
        delivery.Release();
        Assert.False(delivery.HoldsFrame);
        Assert.False(delivery.IsPooled);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Concurrent_writers_share_one_frame(bool mayPool)
    {
        for (var round = 0; round < 20; round++)
        {
            var evt = Sample(round.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var delivery = new EslDelivery(evt, EslEventFormat.Json, mayPool);
            for (var i = 0; i < 8; i++)
            {
                delivery.AddDelivery();
            }

            delivery.Release();
            using var start = new Barrier(8);
            var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait(RawClient.Timeout);
                var frame = delivery.FrameMemory;
                Assert.True(MemoryMarshal.TryGetArray(frame, out var segment));
                return (Bytes: frame.ToArray(), Array: segment.Array!);
            })));
            Assert.All(reads, r => Assert.Equal(evt.GetFrame(EslEventFormat.Json).ToArray(), r.Bytes));
            Assert.All(reads, r => Assert.Same(reads[0].Array, r.Array));
            for (var i = 0; i < 8; i++)
            {
                delivery.Release();
            }

            Assert.False(delivery.HoldsFrame);
        }
    }

    [Fact]
    public void Fan_out_shares_one_delivery_per_format_and_keeps_it_for_every_queued_item()
    {
        var fanOut = new EslFanOut(Sample("b"));
        var plain = fanOut.AddDelivery(EslEventFormat.Plain);
        Assert.Same(plain, fanOut.AddDelivery(EslEventFormat.Plain));
        var json = fanOut.AddDelivery(EslEventFormat.Json);
        Assert.NotSame(plain, json);
        Assert.Equal(EslEventFormat.Json, json.Format);
        _ = plain.Frame;
        _ = json.Frame;
        fanOut.Complete();
        Assert.True(plain.HoldsFrame);
        Assert.True(json.HoldsFrame);
        json.Release();
        Assert.False(json.HoldsFrame);
        plain.Release();
        Assert.True(plain.HoldsFrame);
        plain.Release();
        Assert.False(plain.HoldsFrame);
    }
}
