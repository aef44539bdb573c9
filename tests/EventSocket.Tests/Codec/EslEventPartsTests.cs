using System.Buffers;
using FsCheck;
using FsCheck.Fluent;

namespace Switch.EventSocket.Tests.Codec;

/// <summary>An event given as parts (blocks a host shares between events) is the same event as its headers in one array.</summary>
public sealed class EslEventPartsTests
{
    private static Arbitrary<(KeyValuePair<string, string>[] Headers, int[] Cuts, string? Body)> Events()
    {
        var text = Gen.Elements("", "a", "b c", "é€日", "%+:\n", "ARRAY::x|:y", "sofia/internal/1001@192.0.2.55:5060", "😀");
        var name = Gen.Elements("Event-Name", "Event-Sequence", "Unique-ID", "Caller-Caller-ID-Name", "variable_x", "x y");
        var header = name.SelectMany(n => text.Select(v => new KeyValuePair<string, string>(n, v)));
        var body = Gen.Elements<string?>(null, "", "body\n", "日本");
        return header.ArrayOf()
            .SelectMany(h => Gen.Choose(0, h.Length).ArrayOf().Select(c => (h, c)))
            .SelectMany(hc => body.Select(b => (hc.h, hc.c, b)))
            .ToArbitrary();
    }

    /// <summary>Splits <paramref name="headers"/> at <paramref name="cuts"/> (empty parts included), each part a slice of its own array.</summary>
    private static ReadOnlyMemory<KeyValuePair<string, string>>[] Split(KeyValuePair<string, string>[] headers, int[] cuts)
    {
        var at = cuts.Append(0).Append(headers.Length).Distinct().Order().ToArray();
        var parts = new List<ReadOnlyMemory<KeyValuePair<string, string>>>();
        for (var i = 0; i + 1 < at.Length; i++)
        {
            // Padding around each part: a part is a slice, not its whole array.
            var padded = new KeyValuePair<string, string>[at[i + 1] - at[i] + 2];
            padded[0] = new("Pad", "before");
            padded[^1] = new("Pad", "after");
            headers.AsSpan(at[i], at[i + 1] - at[i]).CopyTo(padded.AsSpan(1));
            parts.Add(new ReadOnlyMemory<KeyValuePair<string, string>>(padded, 1, padded.Length - 2));
        }
        if (cuts.Length % 2 == 1)
        {
            parts.Insert(parts.Count / 2, ReadOnlyMemory<KeyValuePair<string, string>>.Empty);
        }
        return [.. parts];
    }

    [Fact]
    public void Every_format_serializes_parts_as_the_single_array() =>
        Prop.ForAll(Events(), e =>
        {
            var whole = new EslEvent(e.Headers, e.Body);
            var parted = new EslEvent(Split(e.Headers, e.Cuts), e.Body);
            return whole.GetFrame(EslEventFormat.Plain).Span.SequenceEqual(parted.GetFrame(EslEventFormat.Plain).Span)
                && whole.GetFrame(EslEventFormat.Json).Span.SequenceEqual(parted.GetFrame(EslEventFormat.Json).Span)
                && whole.GetFrame(EslEventFormat.Xml).Span.SequenceEqual(parted.GetFrame(EslEventFormat.Xml).Span);
        })
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Headers_lookups_and_the_connect_reply_read_across_parts() =>
        Prop.ForAll(Events(), e =>
        {
            var parted = new EslEvent(Split(e.Headers, e.Cuts), e.Body);
            var reply = new ArrayBufferWriter<byte>();
            EslFrameWriter.WriteConnectReply(reply, parted);
            var expected = new ArrayBufferWriter<byte>();
            EslFrameWriter.WriteConnectReply(expected, new EslEvent(e.Headers, e.Body));
            return parted.Headers.SequenceEqual(e.Headers)
                && parted.GetHeader("variable_x") == e.Headers.FirstOrDefault(h => h.Key == "variable_x").Value
                && parted.GetHeader("unique-id") == e.Headers.FirstOrDefault(h => h.Key == "Unique-ID").Value
                && reply.WrittenSpan.SequenceEqual(expected.WrittenSpan);
        })
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Shared_blocks_serialize_as_the_single_array_in_every_event_that_carries_them() =>
        Prop.ForAll(Events(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (e, mask) =>
        {
            // The same block arrays in three events (one marked shared, one not, one shared again), in all formats.
            var parts = Split(e.Headers, e.Cuts).Select(p => (ReadOnlyMemory<KeyValuePair<string, string>>)p.ToArray()).ToArray();
            var whole = new EslEvent(e.Headers, e.Body);
            foreach (var sharedParts in new[] { (ulong)mask, 0UL, ulong.MaxValue })
            {
                var parted = new EslEvent(parts, e.Body, sharedParts);
                foreach (var format in new[] { EslEventFormat.Plain, EslEventFormat.Json, EslEventFormat.Xml })
                {
                    if (!whole.GetFrame(format).Span.SequenceEqual(parted.GetFrame(format).Span))
                    {
                        return false;
                    }
                }
            }
            return true;
        })
        .QuickCheckThrowOnFailure();

    [Fact]
    public void More_shared_blocks_than_cache_slots_each_keep_their_own_bytes()
    {
        var blocks = Enumerable.Range(0, EslHeaderBlockCache.Slots * 3)
            .Select(i => Enumerable.Range(0, EslHeaderBlockCache.MinHeaders).Select(j => new KeyValuePair<string, string>($"H{j}", $"{i} {j}")).ToArray())
            .ToArray();
        for (var round = 0; round < 2; round++)
        {
            foreach (var block in blocks)
            {
                KeyValuePair<string, string>[] first = [new("Event-Name", "X")];
                var parted = new EslEvent([first, block], null, sharedParts: 2);
                Assert.Equal(new EslEvent([.. first, .. block]).GetFrame(EslEventFormat.Json).ToArray(), parted.GetFrame(EslEventFormat.Json).ToArray());
            }
        }
    }

    [Fact]
    public void A_journaled_parted_event_comes_back_whole()
    {
        var journal = new EslJournal(10);
        KeyValuePair<string, string>[] first = [new("Event-Name", "CHANNEL_STATE"), new("Event-Sequence", "7")];
        KeyValuePair<string, string>[] shared = [new("Caller-Caller-ID-Name", "Alice é"), new("Empty", "")];
        journal.Add(new EslEvent([first, shared], "body"));

        var back = Assert.Single(journal.After(6, out var missing));

        Assert.Equal(0, missing);
        Assert.Equal([.. first, .. shared], back.Headers);
        Assert.Equal("body", back.Body);
        Assert.Equal(7, back.Sequence);
    }
}
