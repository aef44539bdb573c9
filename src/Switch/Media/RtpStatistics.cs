using System.Net;

namespace Switch.Media;

/// <summary>
/// A snapshot of one leg's RTP counters. Loss and jitter follow RFC 3550 A.3 and A.8 for the stream received
/// from the remote (<see cref="JitterMs"/> is A.8's J converted from timestamp units to milliseconds); bytes
/// count whole RTP datagrams. The interval figures are FreeSWITCH's (see <see cref="RtpReceiveStatistics"/>).
/// </summary>
internal sealed record RtpStatistics(
    long PacketsReceived,
    long BytesReceived,
    long PacketsSent,
    long BytesSent,
    long PacketsExpected,
    long PacketsLost,
    double JitterMs,
    long PacketsDropped,
    long DtmfDigitsReceived,
    IPEndPoint? RemoteEndPoint,
    bool IsLatched,
    TimeSpan? SinceLastPacket)
{
    /// <summary>Mean gap between media packet arrivals, ms (FreeSWITCH's mean_interval).</summary>
    public double MeanIntervalMs { get; init; }

    /// <summary>Smallest non-zero running variance of the arrival gap, ms² (FreeSWITCH's jitter_min_variance).</summary>
    public double MinIntervalVariance { get; init; }

    /// <summary>Largest running variance of the arrival gap, ms² (FreeSWITCH's jitter_max_variance).</summary>
    public double MaxIntervalVariance { get; init; }

    /// <summary>Lost / expected, 0 when nothing was expected.</summary>
    public double LossFraction => PacketsExpected <= 0 ? 0 : (double)PacketsLost / PacketsExpected;
}
