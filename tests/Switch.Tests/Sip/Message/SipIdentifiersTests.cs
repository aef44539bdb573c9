using Switch.Sip.Message;

namespace Switch.Tests.Sip.Message;

public sealed class SipIdentifiersTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    [Fact]
    public void Identifiers_have_their_shapes()
    {
        Assert.Matches("^[A-Za-z0-9]{13}$", SipIdentifiers.NewTag());
        Assert.Matches("^z9hG4bK[A-Za-z0-9]{20}$", SipIdentifiers.NewBranch());
        Assert.Matches("^[A-Za-z0-9]{24}$", SipIdentifiers.NewCallId());
        Assert.Matches("^[A-Za-z0-9]{24}@host$", SipIdentifiers.NewCallId("host"));
    }

    [Fact]
    public void Letters_are_uniform_across_many_pool_refills()
    {
        // 10,000 tags draw ~140 KB of randomness: dozens of pool refills on this thread.
        var counts = new int[128];
        var tags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 10_000; i++)
        {
            var tag = SipIdentifiers.NewTag();
            Assert.True(tags.Add(tag));
            foreach (var c in tag)
            {
                counts[c]++;
            }
        }

        // 130,000 letters: ~2,097 each, standard deviation ~45; a biased or stuck source is far outside these bounds.
        var expected = 130_000 / Alphabet.Length;
        foreach (var c in Alphabet)
        {
            Assert.InRange(counts[c], expected * 8 / 10, expected * 12 / 10);
        }
    }

    [Fact]
    public async Task Threads_draw_different_identifiers()
    {
        var sets = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 2_000).Select(_ => SipIdentifiers.NewBranch()).ToArray())));
        var all = sets.SelectMany(s => s).ToArray();
        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
    }
}
