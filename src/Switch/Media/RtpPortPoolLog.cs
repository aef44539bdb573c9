using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switch.Media;

internal static partial class RtpPortPoolLog
{
    [LoggerMessage(20, LogLevel.Warning,
        "Cannot bind RTP socket on {Address}:{Port} ({Error}); failed binds since the last report: {Failures}; {SetAside} of the {Capacity} pairs of {Range} set aside, each retried after {RetrySeconds} s")]
    public static partial void BindFailed(ILogger logger, IPAddress address, int port, SocketError error, int failures, int setAside,
        int capacity, RtpPortRange range, double retrySeconds);

    [LoggerMessage(21, LogLevel.Warning,
        "RTP ports exhausted: none of the {Capacity} pairs of {Range} is free ({InUse} in use, {SetAside} set aside after failed binds); legs refused since the last report: {Refused}")]
    public static partial void Exhausted(ILogger logger, int capacity, RtpPortRange range, int inUse, int setAside, int refused);

    [LoggerMessage(22, LogLevel.Error, "Creating the RTP leg {Leg} on port {Port} failed")]
    public static partial void LegFailed(ILogger logger, string leg, int port, Exception exception);
}
