using System.Globalization;
using Switch.Media;

namespace Switch.Calls.Sip;

/// <summary>
/// A leg's RTP counters as FreeSWITCH's channel variables (set at hangup, so they appear on
/// CHANNEL_HANGUP_COMPLETE), in FreeSWITCH's order and units (switch_core_media.c set_stats): raw bytes count
/// whole RTP datagrams, media bytes their payload (a 12-byte fixed header per packet taken off), skip packets
/// are the RFC 3550 lost count; jitter_min/max_variance (ms²) and mean_interval (ms) are FreeSWITCH's
/// arrival-interval figures, not RFC 3550 jitter, which FreeSWITCH keeps for RTCP only and the switch adds as
/// rtp_audio_in_interarrival_jitter_ms (RFC 3550 A.8, converted from timestamp units to ms). Doubles are
/// printed as FreeSWITCH prints them (%0.2f).
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
            new("rtp_audio_in_jitter_min_variance", s.MinIntervalVariance.ToString("0.00", c)),
            new("rtp_audio_in_jitter_max_variance", s.MaxIntervalVariance.ToString("0.00", c)),
            new("rtp_audio_in_mean_interval", s.MeanIntervalMs.ToString("0.00", c)),
            new("rtp_audio_in_interarrival_jitter_ms", s.JitterMs.ToString("0.00", c)),
            new("rtp_audio_out_raw_bytes", s.BytesSent.ToString(c)),
            new("rtp_audio_out_media_bytes", Math.Max(0, s.BytesSent - (RtpHeaderBytes * s.PacketsSent)).ToString(c)),
            new("rtp_audio_out_packet_count", s.PacketsSent.ToString(c)),
        ];
    }
}
