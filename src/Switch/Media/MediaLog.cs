using System.Net;
using Microsoft.Extensions.Logging;

namespace Switch.Media;

internal static partial class MediaLog
{
    [LoggerMessage(1, LogLevel.Warning, "RTP ports exhausted: all {Capacity} pairs of {Range} are in use")]
    public static partial void PortsExhausted(ILogger logger, int capacity, RtpPortRange range);

    [LoggerMessage(2, LogLevel.Warning, "Cannot bind RTP socket on {Address}:{Port}")]
    public static partial void BindFailed(ILogger logger, IPAddress address, int port, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "Leg {Leg}: RTP latched to {Remote}")]
    public static partial void Latched(ILogger logger, string leg, IPEndPoint remote);

    [LoggerMessage(4, LogLevel.Error, "Leg {Leg}: RTP receive loop failed")]
    public static partial void ReceiveLoopFailed(ILogger logger, string leg, Exception exception);

    [LoggerMessage(5, LogLevel.Error, "Media clock listener failed")]
    public static partial void ClockListenerFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Leg {Leg}: playback of {Source} ended: {Status} {Error}")]
    public static partial void PlaybackEnded(ILogger logger, string leg, string source, PlaybackStatus status, string? error);

    [LoggerMessage(7, LogLevel.Warning, "Leg {Leg}: cannot record to {Path}")]
    public static partial void RecordingFailed(ILogger logger, string leg, string path, Exception exception);

    [LoggerMessage(8, LogLevel.Error, "Leg {Leg}: packet handling failed")]
    public static partial void PacketFailed(ILogger logger, string leg, Exception exception);
}
