using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>The epoll media threads' real-time priority and their media clock (Linux only).</summary>
public sealed class MediaThreadTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(1, false)]
    [InlineData(0, true)]
    public async Task Each_thread_asks_for_SCHED_FIFO_and_a_refusal_is_warned_once(int errno, bool granted)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var logs = new ListLoggerFactory();
        var logger = logs.CreateLogger("media");
        var asked = new ConcurrentQueue<(string? Thread, int Priority)>();
        var priority = new MediaThreadPriority(logger, p =>
        {
            asked.Enqueue((Thread.CurrentThread.Name, p));
            return errno;
        });
        Assert.True(EpollMediaLoop.TryStart("media-0", TimeProvider.System, priority, logger, out var first));
        Assert.True(EpollMediaLoop.TryStart("media-1", TimeProvider.System, priority, logger, out var second));
        await using (first)
        await using (second)
        {
            await Task.WhenAll(first.SyncAsync(), second.SyncAsync()).WaitAsync(s_timeout);

            Assert.Equal(["media-0", "media-1"], asked.Select(a => a.Thread!).Order());
            Assert.All(asked, a => Assert.Equal(MediaThreadPriority.Priority, a.Priority));
            Assert.Equal((granted, granted, granted ? 2 : 0), (first.IsRealtime, second.IsRealtime, priority.Granted));
            var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
            Assert.Equal(granted ? 0 : 1, warnings.Count);
            Assert.All(warnings, w => Assert.Contains("EPERM", w.Message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task With_the_option_the_kernel_runs_the_media_thread_under_SCHED_FIFO_or_the_engine_says_why_not()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        await using var rig = new MediaRig(options: new MediaOptions { RealtimePriority = true }, receiveMode: MediaReceiveMode.Epoll, mediaThreads: 1);
        var loop = rig.Engine.MediaLoops[0];
        await loop.SyncAsync().WaitAsync(s_timeout);

        // Field 41 of /proc/<pid>/task/<tid>/stat is the policy (1 = SCHED_FIFO); the comm field is "(media-0)".
        var policies = Directory.GetDirectories("/proc/self/task")
            .Select(task => TryRead(Path.Combine(task, "stat")))
            .OfType<string>()
            .Where(stat => stat.Contains("(media-0)", StringComparison.Ordinal))
            .Select(stat => stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[41 - 3])
            .ToList();
        var priority = Assert.IsType<MediaThreadPriority>(rig.Engine.Priority);
        Assert.Equal(loop.IsRealtime ? 1 : 0, priority.Granted);
        if (loop.IsRealtime)
        {
            Assert.Contains("1", policies);
        }
    }

    [Fact]
    public async Task A_leg_on_a_media_thread_is_paced_and_completed_by_that_thread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        await using var rig = new MediaRig(new ManualTimeProvider(), receiveMode: MediaReceiveMode.Epoll, mediaThreads: 1);
        var observer = new ThreadObserver();
        var leg = rig.Leg("a", observer);
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu));

        var playback = leg.Play("tone_stream://%(40,0,440)");
        await rig.TickAsync(3);

        Assert.Equal(2, (await phone.ReceiveManyAsync(2)).Count);
        await playback.Completion.WaitAsync(s_timeout);
        Assert.Equal("media-0", Assert.Single(observer.Threads));
        Assert.Equal(0, rig.Engine.Clock.ListenerCount);
        Assert.Equal(0, rig.Engine.MediaLoops[0].ClockedLegs);
    }

    [Fact]
    public async Task Many_playing_legs_are_ticked_in_chunks_and_every_one_sends_its_frame_each_tick()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const int legs = (3 * EpollMediaLoop.ClockChunk) + 5;
        await using var rig = new MediaRig(new ManualTimeProvider(), pairs: legs + 2, receiveMode: MediaReceiveMode.Epoll, mediaThreads: 1);
        var phone = rig.Phone();
        var playing = Enumerable.Range(0, legs).Select(i => rig.Leg($"l{i}")).ToList();
        foreach (var leg in playing)
        {
            leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcmu));
            leg.Play("tone_stream://%(1000,0,440)");
        }

        // A barrier waits for the whole tick, however many passes it takes (the phone's buffer holds one tick).
        for (var tick = 1; tick <= 3; tick++)
        {
            await rig.TickAsync();
            Assert.All(playing, leg => Assert.Equal(tick, leg.GetStatistics().PacketsSent));
            var packets = await phone.ReceiveManyAsync(legs);
            Assert.Equal(legs, packets.Select(p => p.Header.Ssrc).Distinct().Count());
        }

        Assert.Equal(legs, rig.Engine.MediaLoops[0].ClockedLegs);
    }

    [Fact]
    public async Task The_media_thread_paces_by_itself_in_real_time()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        await using var rig = new MediaRig(receiveMode: MediaReceiveMode.Epoll, mediaThreads: 1);
        var leg = rig.Leg();
        var phone = rig.Phone();
        leg.Configure(MediaRig.Settings(phone.EndPoint, RtpCodec.Pcma));

        var started = TimeProvider.System.GetTimestamp();
        var result = await leg.Play("tone_stream://%(200,0,1000)").Completion.WaitAsync(s_timeout);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var packets = await phone.ReceiveManyAsync(10);

        // Ten 20 ms frames, the last due 200 ms after the start: never early (the epoll timeout rounds up).
        Assert.Equal((PlaybackStatus.Completed, 1600L), (result.Status, result.SamplesPlayed));
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(200), elapsed.ToString());
        Assert.All(packets.Skip(1).Select((p, i) => p.Header.Timestamp - packets[i].Header.Timestamp), d => Assert.Equal(160u, d));
        Assert.Equal(0, phone.Pending);
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed class ThreadObserver : IMediaLegObserver
    {
        public ConcurrentQueue<string?> Threads { get; } = new();

        public void OnDtmf(MediaLeg leg, DtmfDigit digit)
        {
        }

        public void OnPlaybackCompleted(MediaLeg leg, PlaybackResult result) => Threads.Enqueue(Thread.CurrentThread.Name);
    }
}
