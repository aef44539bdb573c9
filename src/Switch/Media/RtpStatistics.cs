using System.Net;

namespace Switch.Media;

/// <summary>
/// A snapshot of one leg's RTP counters. Loss and jitter follow RFC 3550 A.3 and A.8 for the stream received
/// from the remote; bytes count whole RTP datagrams.
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
    /// <summary>Lost / expected, 0 when nothing was expected.</summary>
    public double LossFraction => PacketsExpected <= 0 ? 0 : (double)PacketsLost / PacketsExpected;
}
