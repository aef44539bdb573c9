using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Switch.Calls;

namespace Switch.Tests.Calls;

/// <summary>Billing values come from shared texts: always the plain formatting, the same string when repeated.</summary>
public sealed class BillingTextsTests
{
    [Fact]
    public void Numbers_read_as_their_invariant_text_whatever_the_table_holds() =>
        Prop.ForAll(Gen.ListOf(Gen.OneOf(Gen.Choose(-5, 2000).Select(i => (long)i), ArbMap.Default.GeneratorFor<long>())).ToArbitrary(),
            numbers =>
            {
                foreach (var n in numbers)
                {
                    // Twice: the second read comes from the table when the first put it there.
                    if (BillingTexts.Number(n) != n.ToString(CultureInfo.InvariantCulture)
                        || BillingTexts.Number(n) != n.ToString(CultureInfo.InvariantCulture))
                    {
                        return false;
                    }
                }
                return true;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Stamps_read_as_the_local_time_whatever_the_table_holds()
    {
        var plus2 = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");
        Prop.ForAll(Gen.ListOf(Gen.Zip(Gen.Choose(0, 100_000), Gen.Elements(TimeZoneInfo.Utc, plus2))).ToArbitrary(), stamps =>
        {
            foreach (var (offset, zone) in stamps)
            {
                // Around 2025-03-04, a second apart or less, so that slots are reused.
                var micros = 1741083625_000000L + offset * 250_000L;
                var expected = TimeZoneInfo.ConvertTime(DateTimeOffset.UnixEpoch.AddTicks(micros * 10), zone)
                    .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                if (BillingTexts.Stamp(micros, zone) != expected)
                {
                    return false;
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Legs_reported_within_a_second_share_their_epoch_and_stamp_strings()
    {
        const long Second = 1_000_000;
        const long created = 1741083625_250000;
        var first = ChannelBillingTests.Leg(answered: created + Second, hangup: created + 20 * Second);
        var second = ChannelBillingTests.Leg(answered: created + Second + 100, hangup: created + 20 * Second + 200);

        ChannelBilling.Write(first, TimeZoneInfo.Utc);
        ChannelBilling.Write(second, TimeZoneInfo.Utc);

        Assert.Equal("1741083645", second.Variables["end_epoch"]);
        Assert.Same(first.Variables["end_epoch"], second.Variables["end_epoch"]);
        Assert.Same(first.Variables["start_stamp"], second.Variables["start_stamp"]);
        Assert.Same(first.Variables["billsec"], second.Variables["billsec"]);
        Assert.Same(second.Variables["start_uepoch"], second.Variables["profile_start_uepoch"]);
        Assert.Equal("1741083645250200", second.Variables["end_uepoch"]);
    }
}
