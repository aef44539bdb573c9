using System.Net;
using System.Net.Sockets;
using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>
/// The two ways legs receive RTP: epoll media threads (Linux) and one async loop per leg (every OS, and the
/// fallback). Real loopback sockets.
/// </summary>
public sealed class MediaLoopTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Both_receive_modes_relay_both_ways(bool epoll)
    {
        await using var rig = new MediaRig(receiveMode: Mode(epoll), mediaThreads: 1);
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var phoneA = rig.Phone(0xAAAA0001);
        var phoneB = rig.Phone(0xBBBB0001);
        a.Configure(MediaRig.Settings(phoneA.EndPoint, RtpCodec.Pcmu));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcma));
        MediaBridge.Connect(a, b);
        var payload = MediaRig.Tone(G711Law.MuLaw, 1000);

        phoneA.SendAudio(a.LocalEndPoint, 0, payload);
        var atB = await phoneB.ReceiveAsync();
        phoneB.SendAudio(b.LocalEndPoint, 8, atB.Payload);
        var atA = await phoneA.ReceiveAsync();

        Assert.Equal((8, b.Ssrc, b.LocalEndPoint), (atB.Header.PayloadType, atB.Header.Ssrc, atB.From));
        Assert.Equal((0, a.Ssrc, a.LocalEndPoint), (atA.Header.PayloadType, atA.Header.Ssrc, atA.From));
        var onLoop = epoll && OperatingSystem.IsLinux();
        Assert.Equal(onLoop, a.Loop is not null);
        Assert.Equal(onLoop ? 1 : 0, rig.Engine.MediaLoops.Count);
        Assert.Equal(onLoop ? 2 : 0, rig.Engine.MediaLoops.Sum(loop => loop.Datagrams));
    }

    [Fact]
    public async Task Legs_go_to_the_least_loaded_media_thread_and_leave_it_on_dispose()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        await using var rig = new MediaRig(receiveMode: MediaReceiveMode.Epoll, mediaThreads: 2);
        var legs = Enumerable.Range(0, 4).Select(i => rig.Leg($"l{i}")).ToList();
        var loops = rig.Engine.MediaLoops;

        Assert.Equal(2, loops.Count);
        Assert.Equal([2, 2], loops.Select(l => l.LegCount));
        Assert.NotSame(legs[0].Loop, legs[1].Loop);

        var emptied = legs[1].Loop!;
        await legs[1].DisposeAsync();
        Assert.Equal(1, emptied.LegCount);
        var next = rig.Leg("next");
        Assert.Same(emptied, next.Loop);
        Assert.Equal("media-0", loops[0].Name);
    }

    [Fact]
    public async Task A_reused_slot_gets_a_new_generation_and_the_slot_table_grows()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        await using var rig = new MediaRig(pairs: 200, receiveMode: MediaReceiveMode.Epoll, mediaThreads: 1);
        var first = rig.Leg("first");
        var token = first.PollToken;
        await first.DisposeAsync();
        var second = rig.Leg("second");
        Assert.Equal((uint)token, (uint)second.PollToken);
        Assert.NotEqual(token, second.PollToken);

        var legs = Enumerable.Range(0, 150).Select(i => rig.Leg($"l{i}")).ToList();
        var last = legs[^1];
        var phone = rig.Phone();
        last.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu));
        last.StartEcho();
        phone.SendAudio(last.LocalEndPoint, 0, new byte[160]);
        var echoed = await phone.ReceiveAsync();

        Assert.True((uint)last.PollToken >= 64);
        Assert.Equal(last.Ssrc, echoed.Header.Ssrc);
        Assert.Equal(151, rig.Engine.MediaLoops[0].LegCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Dispose_waits_until_the_receiving_thread_has_left_the_leg(bool epoll)
    {
        await using var rig = new MediaRig(receiveMode: Mode(epoll));
        using var observer = new BlockingObserver();
        var leg = rig.Leg("blocked", observer);
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu, telephoneEvent: 101));

        phone.SendPress(leg.LocalEndPoint, 101, '5', 480);
        await observer.Entered.Task.WaitAsync(s_timeout);
        var dispose = leg.DisposeAsync().AsTask();
        var early = await Task.WhenAny(dispose, Task.Delay(200));

        Assert.NotSame(dispose, early);
        observer.Release();
        await dispose.WaitAsync(s_timeout);
        Assert.Equal(0, rig.Engine.LegCount);
        Assert.All(rig.Engine.MediaLoops, loop => Assert.Equal(0, loop.LegCount));
    }

    [Fact]
    public async Task Removing_a_leg_while_its_media_thread_waits_completes_at_once_without_waking_the_thread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        await using var rig = new MediaRig(receiveMode: MediaReceiveMode.Epoll, mediaThreads: 1);
        var leg = rig.Leg("idle");
        var loop = leg.Loop!;
        // The thread is waiting in epoll_wait: the count of pass starts and ends is even and stays put.
        await loop.SyncAsync().WaitAsync(s_timeout);
        Assert.True(SpinWait.SpinUntil(() => (loop.PassCount & 1) == 0, s_timeout), "the pass that completed the barrier ends");
        var passes = loop.PassCount;

        var dispose = leg.DisposeAsync();

        Assert.True(dispose.IsCompletedSuccessfully, "no barrier: the thread was outside every leg");
        Assert.Equal(passes, loop.PassCount);
        Assert.Equal(0, loop.LegCount);
        Assert.Equal(0, rig.Engine.LegCount);
        // The port pair is free again: a new leg binds it.
        var next = rig.Leg("next");
        Assert.Equal(1, loop.LegCount);
        await next.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_datagram_is_discarded_and_receiving_goes_on(bool epoll)
    {
        await using var rig = new MediaRig(receiveMode: Mode(epoll));
        var leg = rig.Leg("a");
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu));
        leg.StartEcho();

        phone.Send(leg.LocalEndPoint, new byte[4000]);
        phone.SendAudio(leg.LocalEndPoint, 0, new byte[160]);
        var echoed = await phone.ReceiveAsync();

        Assert.Equal(leg.Ssrc, echoed.Header.Ssrc);
        Assert.Equal(1, leg.GetStatistics().PacketsReceived);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task IPv6_legs_latch_and_relay(bool epoll)
    {
        if (!Socket.OSSupportsIPv6)
        {
            return;
        }

        await using var rig = new MediaRig(receiveMode: Mode(epoll), bind: IPAddress.IPv6Loopback);
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var sdpA = rig.Phone(address: IPAddress.IPv6Loopback);
        var phoneA = rig.Phone(0xAAAA0001, IPAddress.IPv6Loopback);
        var phoneB = rig.Phone(0xBBBB0001, IPAddress.IPv6Loopback);
        a.Configure(MediaRig.Settings(sdpA.EndPoint, RtpCodec.Pcmu));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcmu));
        MediaBridge.Connect(a, b);

        phoneA.SendAudio(a.LocalEndPoint, 0, new byte[160]);
        await phoneB.ReceiveAsync();
        phoneB.SendAudio(b.LocalEndPoint, 0, new byte[160]);
        var back = await phoneA.ReceiveAsync();

        Assert.Equal(phoneA.EndPoint, a.RemoteEndPoint);
        Assert.Equal(a.LocalEndPoint, back.From);
        Assert.Equal(0, sdpA.Pending);
    }

    [Fact]
    public async Task The_media_thread_allocates_nothing_per_relayed_packet()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        await using var rig = new MediaRig(receiveMode: MediaReceiveMode.Epoll, mediaThreads: 1);
        var a = rig.Leg("a");
        var b = rig.Leg("b");
        var phoneA = rig.Phone(0xAAAA0001);
        var phoneB = rig.Phone(0xBBBB0001);
        a.Configure(MediaRig.Settings(phoneA.EndPoint, RtpCodec.Pcmu));
        b.Configure(MediaRig.Settings(phoneB.EndPoint, RtpCodec.Pcma));
        MediaBridge.Connect(a, b);
        var loop = rig.Engine.MediaLoops[0];
        var payload = MediaRig.Tone(G711Law.MuLaw, 1000);

        // Latching, the first log and JIT tiering may allocate once; a per-packet allocation shows in every pass.
        var quietest = long.MaxValue;
        for (var pass = 0; pass < 5; pass++)
        {
            var sent = loop.Datagrams;
            var before = loop.AllocatedBytes;
            for (var i = 0; i < 200; i++)
            {
                phoneA.SendAudio(a.LocalEndPoint, 0, payload);
            }

            await MediaRig.WaitUntil(() => loop.Datagrams == sent + 200, () => $"200 datagrams, got {loop.Datagrams - sent}");
            quietest = Math.Min(quietest, loop.AllocatedBytes - before);
        }

        Assert.Equal(0, quietest);
        Assert.Equal(1000, b.GetStatistics().PacketsSent);
    }

    [Fact]
    public async Task Engine_dispose_stops_the_media_threads_with_legs_still_open()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var rig = new MediaRig(receiveMode: MediaReceiveMode.Epoll, mediaThreads: 2);
        rig.Leg("a");
        rig.Leg("b");
        var loops = rig.Engine.MediaLoops.ToList();
        Assert.All(loops, loop => Assert.True(loop.IsRunning));

        await rig.DisposeAsync().AsTask().WaitAsync(s_timeout);

        Assert.All(loops, loop => Assert.False(loop.IsRunning));
        Assert.Equal(0, rig.Engine.LegCount);
        Assert.False(rig.Engine.TryCreateLeg("late", null, out _, out var error));
        Assert.Equal(MediaLegError.Disposed, error);
    }

    private static MediaReceiveMode Mode(bool epoll) => epoll ? MediaReceiveMode.Epoll : MediaReceiveMode.Async;

    /// <summary>Holds the receiving thread inside the leg (in the DTMF callback) until released.</summary>
    private sealed class BlockingObserver : IMediaLegObserver, IDisposable
    {
        private readonly ManualResetEventSlim _release = new();

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnDtmf(MediaLeg leg, DtmfDigit digit)
        {
            Entered.TrySetResult();
            _release.Wait(s_timeout);
        }

        public void OnPlaybackCompleted(MediaLeg leg, PlaybackResult result)
        {
        }

        public void Release() => _release.Set();

        public void Dispose() => _release.Dispose();
    }
}
