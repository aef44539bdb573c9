using System.Globalization;

namespace Switch.Calls;

/// <summary>
/// The texts of billing values, shared instead of made per leg: numbers below <see cref="SmallNumbers"/> from
/// one table (durations, zero epochs), other numbers and stamps from a small per-thread table of recent ones
/// (epoch seconds and stamps are the same for every leg reported within a second; a call's start and profile
/// start are usually the same microsecond). Tables hold only immutable strings, so a stale or raced slot is
/// merely a miss.
/// </summary>
internal static class BillingTexts
{
    /// <summary>Numbers 0 to this (exclusive) are kept once for the process.</summary>
    public const int SmallNumbers = 1024;

    /// <summary>Slots of the per-thread tables of recent values; a power of two.</summary>
    private const int RecentSlots = 32;

    private static readonly string?[] Small = new string?[SmallNumbers];

    [ThreadStatic]
    private static Recent? t_recent;

    /// <summary>The decimal text of <paramref name="n"/> (invariant culture).</summary>
    public static string Number(long n)
    {
        if ((ulong)n < SmallNumbers)
        {
            return Small[n] ??= n.ToString(CultureInfo.InvariantCulture);
        }
        var recent = t_recent ??= new Recent();
        var slot = Slot(n);
        if (recent.NumberKeys[slot] == n && recent.NumberTexts[slot] is { } known)
        {
            return known;
        }
        var text = n.ToString(CultureInfo.InvariantCulture);
        recent.NumberKeys[slot] = n;
        recent.NumberTexts[slot] = text;
        return text;
    }

    /// <summary>FreeSWITCH's "%Y-%m-%d %T" of a time in microseconds since the epoch, in <paramref name="zone"/>.</summary>
    public static string Stamp(long micros, TimeZoneInfo zone)
    {
        if (micros < 0)
        {
            return Format(micros, zone);
        }
        var seconds = micros / 1_000_000;
        var recent = t_recent ??= new Recent();
        var slot = Slot(seconds);
        if (recent.StampKeys[slot] == seconds && ReferenceEquals(recent.StampZones[slot], zone) && recent.StampTexts[slot] is { } known)
        {
            return known;
        }
        var text = Format(micros, zone);
        recent.StampKeys[slot] = seconds;
        recent.StampZones[slot] = zone;
        recent.StampTexts[slot] = text;
        return text;
    }

    private static string Format(long micros, TimeZoneInfo zone)
    {
        var utc = DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static int Slot(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 59) & (RecentSlots - 1);

    private sealed class Recent
    {
        public readonly long[] NumberKeys = new long[RecentSlots];
        public readonly string?[] NumberTexts = new string?[RecentSlots];
        public readonly long[] StampKeys = new long[RecentSlots];
        public readonly TimeZoneInfo?[] StampZones = new TimeZoneInfo?[RecentSlots];
        public readonly string?[] StampTexts = new string?[RecentSlots];
    }
}
