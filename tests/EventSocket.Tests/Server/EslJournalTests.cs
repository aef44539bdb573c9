using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Switch.EventSocket.Tests.Server;

public sealed class EslJournalTests
{
    private static EslEvent Event(long sequence, string? body = null, params (string Name, string Value)[] extra) =>
        EslEvent.Create(body, [("Event-Name", "CUSTOM"), ("Event-Sequence", sequence.ToString(CultureInfo.InvariantCulture)), .. extra]);

    private static void AssertSame(EslEvent expected, EslEvent actual)
    {
        Assert.Equal(expected.Headers, actual.Headers);
        Assert.Equal(expected.Body, actual.Body);
    }

    [Fact]
    public void Events_come_back_exactly_including_empty_values_and_null_or_empty_bodies()
    {
        var journal = new EslJournal(100);
        EslEvent[] events =
        [
            Event(1),
            Event(2, string.Empty, ("Empty", string.Empty), ("Müller", "😀 \ud800 ü"), ("Unique-ID", "u")),
            Event(3, "Grüße\n", ("Same", "a"), ("Same", "b")),
            EslEvent.Create(null, ("Event-Name", "HEARTBEAT")),
        ];
        foreach (var evt in events)
        {
            journal.Add(evt);
        }

        var after = journal.After(1, out var missing);
        Assert.Equal(0, missing);
        Assert.Equal(3, after.Count);
        for (var i = 0; i < 3; i++)
        {
            AssertSame(events[i + 1], after[i]);
        }

        Assert.Equal(1, journal.ChunksAllocated);
    }

    [Fact]
    public void Any_events_come_back_as_they_were_published() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<(NonNull<string> Name, string? Value)[]>().Generator
                .Select(hs => hs.Select(h => (h.Name.Get, h.Value ?? string.Empty)).ToArray())
                .Zip(ArbMap.Default.ArbFor<string?>().Generator)
                .ArrayOf()
                .ToArbitrary(),
            batch =>
            {
                var journal = new EslJournal(1000);
                var events = batch.Select((e, i) => Event(i + 1, e.Item2, e.Item1)).ToArray();
                journal.Add(Event(0));
                foreach (var evt in events)
                {
                    journal.Add(evt);
                }

                var after = journal.After(0, out var missing);
                return missing == 0 && after.Count == events.Length
                    && after.Zip(events).All(p => p.First.Headers.SequenceEqual(p.Second.Headers) && p.First.Body == p.Second.Body);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Capacity_bounds_the_count_and_resume_reports_the_missing()
    {
        var journal = new EslJournal(5);
        for (var i = 1; i <= 20; i++)
        {
            journal.Add(Event(i));
        }

        Assert.Equal(5, journal.Count);
        var after = journal.After(1, out var missing);
        Assert.Equal([16L, 17, 18, 19, 20], after.Select(e => e.Sequence!.Value));
        Assert.Equal(14, missing);
        Assert.Equal([19L, 20], journal.After(18, out missing).Select(e => e.Sequence!.Value));
        Assert.Equal(0, missing);
    }

    [Fact]
    public void Bytes_bound_the_journal_and_overwritten_events_are_never_returned()
    {
        // Two 1 MiB chunks; events of ~200 KB: at most ten fit, and the ring wraps many times.
        var journal = new EslJournal(1000, 2 * EslJournal.ChunkBytes);
        var published = new List<EslEvent>();
        for (var i = 1; i <= 200; i++)
        {
            var evt = Event(i, new string((char)('a' + (i % 26)), 100_000 + i));
            published.Add(evt);
            journal.Add(evt);
            Assert.InRange(journal.Count, 1, 10);
            var after = journal.After(i - journal.Count, out var missing);
            Assert.Equal(0, missing);
            Assert.Equal(journal.Count, after.Count);
            for (var k = 0; k < after.Count; k++)
            {
                AssertSame(published[i - journal.Count + k], after[k]);
            }
        }

        Assert.Equal(2, journal.ChunksAllocated);
    }

    [Fact]
    public void An_event_too_large_to_keep_is_a_gap_counted_as_missing()
    {
        var journal = new EslJournal(100);
        journal.Add(Event(1));
        journal.Add(Event(2, new string('x', EslJournal.ChunkBytes)));
        journal.Add(Event(3));
        var after = journal.After(1, out var missing);
        Assert.Equal([3L], after.Select(e => e.Sequence!.Value));
        Assert.Equal(1, missing);
    }

    [Fact]
    public void A_disabled_journal_keeps_nothing_and_allocates_nothing()
    {
        var journal = new EslJournal(0);
        journal.Add(Event(1));
        Assert.Equal(0, journal.Count);
        Assert.Empty(journal.After(0, out _));
        Assert.Equal(0, journal.ChunksAllocated);
    }
}
