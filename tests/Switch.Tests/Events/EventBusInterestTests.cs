using Switch.Events;

namespace Switch.Tests.Events;

public sealed class EventBusInterestTests
{
    private static EventBus Bus() => new(new SwitchIdentity("4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b", "h", "h", "192.0.2.1", "::1"), TimeProvider.System);

    [Fact]
    public void Events_are_wanted_only_when_a_subscriber_filter_says_so()
    {
        var bus = Bus();
        Assert.False(bus.Wants("CHANNEL_CREATE"));

        using (bus.Subscribe(_ => { }, static (name, _) => name == "CHANNEL_PARK"))
        {
            Assert.True(bus.Wants("CHANNEL_PARK"));
            Assert.False(bus.Wants("CHANNEL_CREATE"));
            using (bus.Subscribe(_ => { }))
            {
                Assert.True(bus.Wants("CHANNEL_CREATE"));
            }
            Assert.False(bus.Wants("CHANNEL_CREATE"));
        }

        Assert.False(bus.Wants("CHANNEL_PARK"));
        Assert.False(bus.HasSubscribers);
    }

    [Fact]
    public void Custom_subclasses_reach_the_filter()
    {
        var bus = Bus();
        using var _ = bus.Subscribe(_ => { }, static (name, subclass) => name == "CUSTOM" && subclass == "sofia::register");
        Assert.True(bus.Wants("CUSTOM", "sofia::register"));
        Assert.False(bus.Wants("CUSTOM", "sofia::expire"));
    }
}
