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
}
