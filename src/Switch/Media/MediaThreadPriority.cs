using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Switch.Media;

/// <summary>
/// Puts media threads under the real-time policy SCHED_FIFO (FreeSWITCH's <c>-rp</c>), so a media thread that
/// has a packet to relay runs before any ordinary (SCHED_OTHER) thread instead of waiting in the run queue.
/// A media thread blocks in <c>epoll_wait</c> when idle, and the kernel keeps 5 % of each second for
/// ordinary threads (<c>sched_rt_runtime_us</c>), so it cannot lock the host. Needs CAP_SYS_NICE or an
/// RLIMIT_RTPRIO of at least <see cref="Priority"/>; when refused, one warning is logged for all threads and
/// they keep the normal policy.
/// </summary>
internal sealed class MediaThreadPriority
{
    /// <summary>SCHED_FIFO priority: above every ordinary thread, below the kernel's own real-time threads (99).</summary>
    public const int Priority = 10;

    private const int SchedFifo = 1;
    private const int NotPermitted = 1;

    private readonly Func<int, int> _setCallingThreadFifo;
    private readonly ILogger _logger;
    private int _warned;
    private int _granted;

    /// <param name="logger">Gets the one warning when the policy is refused.</param>
    /// <param name="setCallingThreadFifo">
    /// Sets SCHED_FIFO with the given priority on the calling thread; returns 0 or an errno (tests substitute it).
    /// </param>
    public MediaThreadPriority(ILogger logger, Func<int, int>? setCallingThreadFifo = null)
    {
        _logger = logger;
        _setCallingThreadFifo = setCallingThreadFifo ?? SetCallingThreadFifo;
    }

    /// <summary>Threads that got SCHED_FIFO.</summary>
    public int Granted => Volatile.Read(ref _granted);

    /// <summary>Called on the media thread itself. True when the thread now runs under SCHED_FIFO.</summary>
    public bool ApplyToCurrentThread(string thread)
    {
        int errno;
        try
        {
            errno = OperatingSystem.IsLinux() ? _setCallingThreadFifo(Priority) : -1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            errno = -1;
        }

        if (errno == 0)
        {
            Interlocked.Increment(ref _granted);
            MediaLog.RealtimeGranted(_logger, thread, Priority);
            return true;
        }

        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            var reason = errno switch
            {
                -1 => "not supported on this OS",
                NotPermitted => "not permitted (EPERM): needs CAP_SYS_NICE or LimitRTPRIO/ulimit -r >= " + Priority,
                _ => "errno " + errno,
            };
            MediaLog.RealtimeRefused(_logger, reason);
        }

        return false;
    }

    private static int SetCallingThreadFifo(int priority)
    {
        // pid 0 = the calling thread (Linux schedules threads; struct sched_param is one int).
        var parameter = priority;
        return sched_setscheduler(0, SchedFifo, ref parameter) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_setscheduler(int pid, int policy, ref int parameter);
}
