using FsCheck;
using FsCheck.Fluent;
using Switch.Calls;

namespace Switch.Tests.Calls;

/// <summary>The open-addressing table of live channels and legs: a dictionary by key, one reference per entry.</summary>
public sealed class LiveTableTests
{
    [Fact]
    public void It_behaves_as_a_dictionary_of_the_entries_by_key() =>
        Prop.ForAll(Gen.ListOf(Gen.Zip(Gen.Choose(0, 3), Gen.Choose(0, 40))).ToArbitrary(), operations =>
        {
            var table = new Table();
            var model = new Dictionary<int, Entry>();
            foreach (var (op, key) in operations)
            {
                switch (op)
                {
                    case 0:
                        var added = new Entry(key);
                        Assert.Equal(!model.ContainsKey(key), table.Add(added));
                        model.TryAdd(key, added);
                        break;
                    case 1:
                        var replacing = new Entry(key);
                        Assert.True(table.Add(replacing, replace: true));
                        model[key] = replacing;
                        break;
                    case 2:
                        // Removing another entry with the same key leaves the table's own in place.
                        Assert.False(table.Remove(new Entry(key)));
                        if (model.TryGetValue(key, out var present))
                        {
                            Assert.True(table.Remove(present));
                            model.Remove(key);
                        }
                        break;
                    default:
                        Assert.Same(model.GetValueOrDefault(key), table.Find(key));
                        break;
                }
            }
            var listed = table.ToList();
            return table.Count == model.Count && listed.Count == model.Count
                && model.Values.All(e => ReferenceEquals(table.Find(e.Key), e) && listed.Contains(e));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void It_grows_for_many_entries_and_shrinks_once_they_are_gone()
    {
        var table = new Table();
        var entries = Enumerable.Range(0, 10_000).Select(i => new Entry(i)).ToArray();
        foreach (var entry in entries)
        {
            Assert.True(table.Add(entry));
        }
        Assert.InRange(table.Capacity, 10_000 * 4 / 3, 10_000 * 4);
        Assert.All(entries, e => Assert.Same(e, table.Find(e.Key)));

        foreach (var entry in entries.Skip(10))
        {
            Assert.True(table.Remove(entry));
        }
        Assert.Equal(10, table.Count);
        Assert.InRange(table.Capacity, 16, 80);
        Assert.All(entries.Take(10), e => Assert.Same(e, table.Find(e.Key)));
        Assert.Null(table.Find(10));
    }

    [Fact]
    public async Task Lookups_from_other_threads_see_entries_that_stay_while_others_come_and_go()
    {
        var table = new Table();
        var resident = Enumerable.Range(0, 100).Select(i => new Entry(-1 - i)).ToArray();
        foreach (var entry in resident)
        {
            table.Add(entry);
        }
        using var stop = new CancellationTokenSource();
        var misses = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var entry in resident)
                {
                    if (!ReferenceEquals(table.Find(entry.Key), entry))
                    {
                        Interlocked.Increment(ref misses);
                    }
                }
            }
        })).ToArray();
        for (var round = 0; round < 20; round++)
        {
            var churn = Enumerable.Range(round * 1_000, 1_000).Select(i => new Entry(i)).ToArray();
            foreach (var entry in churn)
            {
                table.Add(entry);
            }
            foreach (var entry in churn)
            {
                table.Remove(entry);
            }
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, misses);
        Assert.Equal(100, table.Count);
    }

    private sealed record Entry(int Key)
    {
        // Identity, not value: the table tells entries with the same key apart.
        public bool Equals(Entry? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
    }

    private sealed class Table : LiveTable<int, Entry>
    {
        // A poor hash on purpose: neighbouring keys collide (then spread over 32 bits), so probing and removal markers are exercised.
        protected override int HashOfKey(int key) => unchecked(key / 3 * (int)2654435769u);

        protected override int HashOf(Entry value) => HashOfKey(value.Key);

        protected override bool Matches(Entry value, int key) => value.Key == key;

        protected override bool SameKey(Entry value, Entry other) => value.Key == other.Key;
    }
}
