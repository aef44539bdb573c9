using FsCheck;
using FsCheck.Fluent;
using Switch.Calls;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Calls;

/// <summary>A call's legs: two inline, more in an array; order kept through removals.</summary>
public sealed class CallLegsTests
{
    private static Channel Leg(int n) =>
        new($"legs-{n}", $"sofia/internal/{n}@192.0.2.10", CallDirection.Inbound, new CallerProfile(), new FakeSignaling("x"));

    [Fact]
    public void Legs_keep_their_order_through_adds_and_removals() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Zip(Gen.Elements(true, false), Gen.Choose(0, 5))).ToArbitrary(),
            operations =>
            {
                var channels = Enumerable.Range(0, 6).Select(Leg).ToArray();
                var legs = new CallLegs();
                var model = new List<Channel>();
                foreach (var (add, n) in operations)
                {
                    var leg = channels[n];
                    if (add && !model.Contains(leg))
                    {
                        legs.Add(leg);
                        model.Add(leg);
                    }
                    else if (!add)
                    {
                        Assert.Equal(model.Remove(leg), legs.Remove(leg));
                    }
                }
                var seen = new List<Channel>();
                foreach (var leg in legs)
                {
                    seen.Add(leg);
                }
                return seen.SequenceEqual(model) && legs.Count == model.Count
                    && Enumerable.Range(0, model.Count).All(i => ReferenceEquals(legs[i], model[i]));
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void An_index_past_the_legs_is_refused()
    {
        var legs = new CallLegs();
        legs.Add(Leg(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => legs[1]);
    }
}
