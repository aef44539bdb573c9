using System.Globalization;
using Switch.Media;

namespace Switch.Calls.Sip;

/// <summary>
/// A leg's RTP counters as FreeSWITCH's channel variables (set at hangup, so they appear on
/// CHANNEL_HANGUP_COMPLETE): raw bytes count whole RTP datagrams, media bytes their payload (a 12-byte fixed
/// header per packet taken off), skip packets are the RFC 3550 lost count, jitter is the RFC 3550 interarrival
/// jitter in milliseconds.
/// </summary>
internal static class RtpStatisticsVariables
{
    private const int RtpHeaderBytes = 12;

    public static IReadOnlyList<KeyValuePair<string, string>> From(RtpStatistics s)
    {
        var c = CultureInfo.InvariantCulture;
        return
        [
            new("rtp_audio_in_raw_bytes", s.BytesReceived.ToString(c)),
            new("rtp_audio_in_media_bytes", Math.Max(0, s.BytesReceived - (RtpHeaderBytes * s.PacketsReceived)).ToString(c)),
            new("rtp_audio_in_packet_count", s.PacketsReceived.ToString(c)),
            new("rtp_audio_in_skip_packet_count", s.PacketsLost.ToString(c)),
            new("rtp_audio_in_jitter_max_variance", s.JitterMs.ToString("0.00", c)),
            new("rtp_audio_out_raw_bytes", s.BytesSent.ToString(c)),
            new("rtp_audio_out_media_bytes", Math.Max(0, s.BytesSent - (RtpHeaderBytes * s.PacketsSent)).ToString(c)),
            new("rtp_audio_out_packet_count", s.PacketsSent.ToString(c)),
        ];
    }
}
