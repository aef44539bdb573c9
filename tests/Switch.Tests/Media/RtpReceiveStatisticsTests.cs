using FsCheck;
using FsCheck.Fluent;
using Switch.Calls.Sip;
using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>
/// The receive-side figures behind rtp_audio_in_*: RFC 3550 A.8 interarrival jitter (timestamp units, then ms)
/// and FreeSWITCH's arrival-interval mean and variances (switch_rtp.c check_jitter), fed packet by packet.
/// </summary>
public sealed class RtpReceiveStatisticsTests
{
    private const uint Ssrc = 0x1234;

    /// <summary>A media packet (PT 0) or telephone-event (PT 101) arriving at <paramref name="arrivalMs"/> on an 8 kHz clock.</summary>
    private static void Arrive(RtpReceiveStatistics stats, ushort sequence, uint timestamp, double arrivalMs, bool media = true, uint ssrc = Ssrc) =>
        stats.OnPacket(new RtpHeader(false, false, 0, false, media ? (byte)0 : (byte)101, sequence, timestamp, ssrc, 12, 160),
            172, (long)(arrivalMs * 8), measureJitter: media, clockRate: 8000);

    [Fact]
    public void Jitter_follows_RFC_3550_A8_against_a_floating_point_reference()
    {
        // Packets sent every 20 ms (160 units) arrive with a random extra delay of 0..40 ms.
        Prop.ForAll(
                Gen.ArrayOf(Gen.Choose(0, 40 * 8)).ToArbitrary(),
                delays =>
                {
                    var stats = new RtpReceiveStatistics();
                    double reference = 0;
                    long? lastTransit = null;
                    for (var i = 0; i < delays.Length; i++)
                    {
                        var timestamp = (uint)(1000 + (i * 160));
                        var arrivalUnits = (i * 160L) + delays[i];
                        stats.OnPacket(new RtpHeader(false, false, 0, false, 0, (ushort)i, timestamp, Ssrc, 12, 160), 172, arrivalUnits, true, 8000);
                        var transit = arrivalUnits - timestamp;
                        if (lastTransit is { } previous)
                        {
                            reference += (Math.Abs(transit - previous) - reference) / 16;
                        }
                        lastTransit = transit;
                    }
                    // A.8's integer form (J scaled by 16, rounded) stays within a unit of the exact recurrence.
                    return Math.Abs(stats.JitterUnits - reference) <= 1 && Math.Abs(stats.JitterMs - (stats.JitterUnits / 8)) < 1e-9;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_steady_stream_has_no_jitter_and_one_late_packet_gives_D_over_16()
    {
        var stats = new RtpReceiveStatistics();
        for (ushort i = 0; i < 5; i++)
        {
            Arrive(stats, i, i * 160u, 1000 + (i * 20));
        }
        Assert.Equal(0, stats.JitterUnits);

        Arrive(stats, 5, 800, 1000 + 100 + 10);   // 10 ms late: D = 80 units

        Assert.Equal(5.0, stats.JitterUnits);      // 80 / 16
        Assert.Equal(0.625, stats.JitterMs);
    }

    [Fact]
    public void Telephone_events_sharing_one_timestamp_do_not_count_as_jitter()
    {
        var stats = new RtpReceiveStatistics();
        for (ushort i = 0; i < 5; i++)
        {
            Arrive(stats, i, i * 160u, i * 20);
        }
        // A 280 ms key press: ten packets, all with the event's start timestamp.
        for (ushort i = 5; i < 15; i++)
        {
            Arrive(stats, i, 800, i * 20, media: false);
        }
        for (ushort i = 15; i < 20; i++)
        {
            Arrive(stats, i, i * 160u, i * 20);
        }

        Assert.Equal(0, stats.JitterUnits);
        Assert.Equal(20, stats.Packets);
        Assert.Equal(0, stats.Lost);
    }

    [Fact]
    public void Arrival_intervals_are_FreeSWITCH_s_mean_and_running_variances_after_ten_lead_packets()
    {
        var stats = new RtpReceiveStatistics();
        // Ten packets 20 ms apart: the first nine are FreeSWITCH's lead, the tenth gives the first interval.
        double at = 0;
        ushort sequence = 0;
        for (; sequence < 10; sequence++, at += 20)
        {
            Arrive(stats, sequence, sequence * 160u, at);
        }
        Assert.Equal((20.0, 0.0, 0.0), (stats.MeanIntervalMs, stats.MinIntervalVariance, stats.MaxIntervalVariance));

        // Gaps 20, 30, 10, 20 ms. Deviation from the previous mean, truncated: 0, 10, (long)(10 - 23.33) = -13, 0.
        // Squares 0, 100, 269, 269 over n = 2..5 intervals: variance 0, 33.33, 67.25, 53.8.
        foreach (var gap in new[] { 20, 30, 10, 20 })
        {
            at += gap - 20;
            Arrive(stats, sequence, sequence * 160u, at);
            sequence++;
            at += 20;
        }

        Assert.Equal(20.0, stats.MeanIntervalMs, 6);
        Assert.Equal(100.0 / 3, stats.MinIntervalVariance, 6);
        Assert.Equal(67.25, stats.MaxIntervalVariance, 6);
    }

    [Fact]
    public void A_key_press_restarts_the_interval_lead_so_its_gap_is_not_counted()
    {
        var stats = new RtpReceiveStatistics();
        double at = 0;
        ushort sequence = 0;
        for (; sequence < 12; sequence++, at += 20)
        {
            Arrive(stats, sequence, sequence * 160u, at);
        }
        Assert.Equal(20.0, stats.MeanIntervalMs);

        Arrive(stats, sequence, sequence * 160u, at, media: false);
        sequence++;
        at += 500;                                  // a long silence after the key press
        for (var i = 0; i < 9; i++, sequence++, at += 20)
        {
            Arrive(stats, sequence, sequence * 160u, at);
        }
        Assert.Equal(20.0, stats.MeanIntervalMs);   // the 500 ms gap fell inside the new lead
        Assert.Equal(0.0, stats.MaxIntervalVariance);

        Arrive(stats, sequence, sequence * 160u, at + 40);
        Assert.True(stats.MeanIntervalMs > 20);
    }

    [Fact]
    public void Channel_variables_carry_FreeSWITCH_s_names_units_and_format_and_the_RFC_3550_jitter_apart()
    {
        var snapshot = new RtpStatistics(50, 50 * 172, 40, 40 * 172, 52, 2, JitterMs: 1.234, 0, 0, null, true, null)
        {
            MeanIntervalMs = 20.0416,
            MinIntervalVariance = 0.5,
            MaxIntervalVariance = 12.346,
        };

        var variables = RtpStatisticsVariables.From(snapshot);

        Assert.Equal(
        [
            "rtp_audio_in_raw_bytes=8600", "rtp_audio_in_media_bytes=8000", "rtp_audio_in_packet_count=50",
            "rtp_audio_in_skip_packet_count=2", "rtp_audio_in_jitter_min_variance=0.50", "rtp_audio_in_jitter_max_variance=12.35",
            "rtp_audio_in_mean_interval=20.04", "rtp_audio_in_interarrival_jitter_ms=1.23",
            "rtp_audio_out_raw_bytes=6880", "rtp_audio_out_media_bytes=6400", "rtp_audio_out_packet_count=40",
        ], variables.Select(v => $"{v.Key}={v.Value}"));
    }
}
