using Microsoft.Extensions.Logging;

namespace Switch.Media;

internal static partial class MediaLog
{
    [LoggerMessage(20, LogLevel.Warning, "epoll is not available ({Reason}): legs use one async receive loop each")]
    public static partial void EpollUnavailable(ILogger logger, string reason);

    [LoggerMessage(21, LogLevel.Warning, "Leg {Leg}: epoll_ctl ADD failed (errno {Errno}): this leg uses an async receive loop")]
    public static partial void EpollAddFailed(ILogger logger, string leg, int errno);

    [LoggerMessage(22, LogLevel.Critical, "Media thread {Thread}: epoll_wait failed (errno {Errno}); its legs receive nothing more")]
    public static partial void EpollWaitFailed(ILogger logger, string thread, int errno);

    [LoggerMessage(23, LogLevel.Critical, "Media thread {Thread} failed; its legs receive nothing more")]
    public static partial void EpollLoopFailed(ILogger logger, string thread, Exception exception);

    [LoggerMessage(24, LogLevel.Information, "Media: {Threads} epoll media thread(s)")]
    public static partial void EpollStarted(ILogger logger, int threads);

    [LoggerMessage(25, LogLevel.Information, "Media thread {Thread}: real-time scheduling SCHED_FIFO priority {Priority}")]
    public static partial void RealtimeGranted(ILogger logger, string thread, int priority);

    [LoggerMessage(26, LogLevel.Warning, "Media: real-time priority (media.realtimePriority) refused, media threads keep the normal scheduler: {Reason}")]
    public static partial void RealtimeRefused(ILogger logger, string reason);

    [LoggerMessage(27, LogLevel.Warning, "Media: real-time priority (media.realtimePriority) applies to epoll media threads only; legs here use async receive loops")]
    public static partial void RealtimeWithoutMediaThreads(ILogger logger);
}
