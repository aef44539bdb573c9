using System.Diagnostics;
using System.Runtime.InteropServices;
using Switch.Media;

namespace Switch.Benchmarks.Media;

/// <summary>
/// What the switch itself adds per packet, measured on one media thread (set as its <see cref="EpollMediaLoop.Probe"/>):
/// <list type="bullet">
/// <item><b>residence</b>: from the kernel's receive timestamp of the datagram (taken when loopback queued it to the
/// receiving side, i.e. about when the phone sent it; read with <c>ioctl(SIOCGSTAMPNS)</c>) to just after the relay's
/// <c>sendto</c> returned, both CLOCK_REALTIME. It includes the time the packet waited in the socket for the media
/// thread (run-queue waits, other packets of the same wake-up) and the relay work itself;</item>
/// <item><b>wake → sent</b>: from the thread's return from <c>epoll_wait</c> to the same point (monotonic): the work
/// of the wake-up's packets handled before this one and this one's own.</item>
/// </list>
/// End-to-end latency minus residence is the harness's share (sender pacing, the phones' polling receive). The
/// <c>ioctl</c> costs one system call per packet (enabled only in this benchmark). Samples are kept while
/// <see cref="Recording"/> is set (the measured window).
/// </summary>
internal sealed class ResidenceProbe : IMediaThreadProbe
{
    private const ulong GetStampNanoseconds = 0x8907;
    private const int ClockRealtime = 0;

    private readonly long[] _stamp = new long[2];
    private readonly long[] _now = new long[2];
    private volatile bool _recording;

    public LatencyHistogram Residence { get; } = new();

    public LatencyHistogram WakeToSent { get; } = new();

    /// <summary>Datagrams whose kernel timestamp could not be read (ENOENT before timestamps were on).</summary>
    public long Unstamped { get; private set; }

    public bool Recording
    {
        get => _recording;
        set => _recording = value;
    }

    public void OnDatagram(MediaLeg leg, long wokenAt)
    {
        // Always asked (also during warm-up): the first ioctl on a socket turns its timestamps on.
        var stamped = ioctl((int)leg.Socket.Handle, GetStampNanoseconds, _stamp) == 0;
        _ = clock_gettime(ClockRealtime, _now);
        var sent = Stopwatch.GetTimestamp();
        if (!_recording)
        {
            return;
        }

        WakeToSent.Add((sent - wokenAt) * 1_000_000 / Stopwatch.Frequency);
        if (!stamped)
        {
            Unstamped++;
            return;
        }

        var nanos = ((_now[0] - _stamp[0]) * 1_000_000_000) + (_now[1] - _stamp[1]);
        Residence.Add(nanos / 1000);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int ioctl(int fd, ulong request, [Out] long[] timespec);

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, [Out] long[] timespec);
}
