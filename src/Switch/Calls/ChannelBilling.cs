using System.Globalization;

namespace Switch.Calls;

/// <summary>
/// The variables FreeSWITCH writes when a leg is reported (switch_channel_set_timestamps): stamps, epochs,
/// durations in seconds, milliseconds and microseconds. Written once, just before CHANNEL_HANGUP_COMPLETE.
/// The names are literals, and the values come from <see cref="BillingTexts"/>: small numbers, epoch seconds
/// and stamps are the same strings across the legs of a second (and across both legs of a call), not new ones.
/// </summary>
internal static class ChannelBilling
{
    /// <summary>The most variables <see cref="Write"/> sets (room made for them at once instead of step by step).</summary>
    public const int VariableCount = 57;

    public static void Write(Channel channel, TimeZoneInfo localZone)
    {
        var p = channel.Profile;
        var v = channel.Variables;
        v.EnsureCapacity(v.Count + VariableCount);
        v.Set("start_stamp", BillingTexts.Stamp(p.CreatedTime, localZone));
        v.Set("profile_start_stamp", BillingTexts.Stamp(p.ProfileCreatedTime, localZone));
        SetStampIfReached(v, "answer_stamp", p.AnsweredTime, localZone);
        SetStampIfReached(v, "bridge_stamp", p.BridgedTime, localZone);
        SetStampIfReached(v, "hold_stamp", p.LastHoldTime, localZone);
        SetStampIfReached(v, "progress_stamp", p.ProgressTime, localZone);
        SetStampIfReached(v, "progress_media_stamp", p.ProgressMediaTime, localZone);
        v.Set("end_stamp", BillingTexts.Stamp(p.HangupTime, localZone));

        SetEpochs(v, "start_epoch", "start_uepoch", p.CreatedTime);
        SetEpochs(v, "profile_start_epoch", "profile_start_uepoch", p.ProfileCreatedTime);
        SetEpochs(v, "answer_epoch", "answer_uepoch", p.AnsweredTime);
        SetEpochs(v, "bridge_epoch", "bridge_uepoch", p.BridgedTime);
        SetEpochs(v, "last_hold_epoch", "last_hold_uepoch", p.LastHoldTime);
        v.Set("hold_accum_seconds", Number(p.HoldAccumTime / 1_000_000));
        v.Set("hold_accum_usec", Number(p.HoldAccumTime));
        v.Set("hold_accum_ms", Number(p.HoldAccumTime / 1000));
        SetEpochs(v, "resurrect_epoch", "resurrect_uepoch", p.ResurrectTime);
        SetEpochs(v, "progress_epoch", "progress_uepoch", p.ProgressTime);
        SetEpochs(v, "progress_media_epoch", "progress_media_uepoch", p.ProgressMediaTime);
        SetEpochs(v, "end_epoch", "end_uepoch", p.HangupTime);

        v.Set("last_app", channel.LastApplication);
        v.Set("last_arg", channel.LastApplicationData);
        v.Set("caller_id", string.IsNullOrEmpty(p.CallerIdName)
            ? p.CallerIdNumber
            : $"\"{p.CallerIdName}\" <{p.CallerIdNumber}>");

        var answered = p.AnsweredTime != 0;
        // Seconds and milliseconds are differences of truncated times, as FreeSWITCH computes them.
        v.Set("duration", Number(Diff(p.HangupTime, p.CreatedTime, 1_000_000)));
        v.Set("billsec", Number(answered ? Diff(p.HangupTime, p.AnsweredTime, 1_000_000) : 0));
        v.Set("progresssec", Number(Since(p.ProgressTime, p.CreatedTime, 1_000_000)));
        v.Set("answersec", Number(Since(p.AnsweredTime, p.CreatedTime, 1_000_000)));
        v.Set("waitsec", Number(Since(p.BridgedTime, p.CreatedTime, 1_000_000)));
        v.Set("progress_mediasec", Number(Since(p.ProgressMediaTime, p.CreatedTime, 1_000_000)));
        v.Set("flow_billsec", Number(answered ? Diff(p.HangupTime, p.ProfileCreatedTime, 1_000_000) : 0));
        v.Set("mduration", Number(Diff(p.HangupTime, p.CreatedTime, 1000)));
        v.Set("billmsec", Number(answered ? Diff(p.HangupTime, p.AnsweredTime, 1000) : 0));
        v.Set("progressmsec", Number(Since(p.ProgressTime, p.CreatedTime, 1000)));
        v.Set("answermsec", Number(Since(p.AnsweredTime, p.CreatedTime, 1000)));
        v.Set("waitmsec", Number(Since(p.BridgedTime, p.CreatedTime, 1000)));
        v.Set("progress_mediamsec", Number(Since(p.ProgressMediaTime, p.CreatedTime, 1000)));
        v.Set("flow_billmsec", Number(answered ? Diff(p.HangupTime, p.ProfileCreatedTime, 1000) : 0));
        v.Set("uduration", Number(p.HangupTime - p.CreatedTime));
        v.Set("billusec", Number(answered ? p.HangupTime - p.AnsweredTime : 0));
        v.Set("progressusec", Number(Since(p.ProgressTime, p.CreatedTime, 1)));
        v.Set("answerusec", Number(Since(p.AnsweredTime, p.CreatedTime, 1)));
        v.Set("waitusec", Number(Since(p.BridgedTime, p.CreatedTime, 1)));
        v.Set("progress_mediausec", Number(Since(p.ProgressMediaTime, p.CreatedTime, 1)));
        v.Set("flow_billusec", Number(answered ? p.HangupTime - p.ProfileCreatedTime : 0));
    }

    /// <summary>FreeSWITCH's "%Y-%m-%d %T" in the switch's local time zone.</summary>
    public static string Stamp(long micros, TimeZoneInfo localZone) => BillingTexts.Stamp(micros, localZone);

    private static void SetStampIfReached(ChannelVariables v, string name, long micros, TimeZoneInfo zone)
    {
        if (micros != 0)
        {
            v.Set(name, BillingTexts.Stamp(micros, zone));
        }
    }

    private static void SetEpochs(ChannelVariables v, string epoch, string uepoch, long micros)
    {
        v.Set(epoch, Number(micros / 1_000_000));
        v.Set(uepoch, Number(micros));
    }

    private static long Diff(long later, long earlier, long unit) => later / unit - earlier / unit;

    private static long Since(long time, long created, long unit) => time == 0 ? 0 : Diff(time, created, unit);

    private static string Number(long n) => BillingTexts.Number(n);
}
