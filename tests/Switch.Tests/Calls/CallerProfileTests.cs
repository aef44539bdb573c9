using Switch.Calls;

namespace Switch.Tests.Calls;

/// <summary>The caller profile's calling party: shared between profiles, changed for one profile only.</summary>
public sealed class CallerProfileTests
{
    [Fact]
    public void Changing_a_shared_party_field_changes_that_profile_only()
    {
        var party = new CallingParty(Username: "1000", CallerIdName: "Alice", CallerIdNumber: "1000", NetworkAddr: "192.0.2.55");
        var a = new CallerProfile(party) { DestinationNumber = "5000" };
        var b = new CallerProfile(party) { DestinationNumber = "1001" };

        b.CallerIdName = "Bob";
        a.CallerIdNumber = "1000";

        Assert.Equal(("Alice", "Bob"), (a.CallerIdName, b.CallerIdName));
        Assert.Same(party, a.Party);
        Assert.NotSame(party, b.Party);
        Assert.Equal(("1000", "192.0.2.55"), (b.CallerIdNumber, b.NetworkAddr));
    }

    [Fact]
    public void Equal_parties_are_kept_once()
    {
        var slots = new SharedSlots<CallingParty>(16);
        var first = slots.Share(new CallingParty(Username: new string("1000"), CallerIdNumber: "1000"));
        Assert.Same(first, slots.Share(new CallingParty(Username: "1000", CallerIdNumber: new string("1000"))));
        Assert.NotSame(first, slots.Share(new CallingParty(Username: "1000", CallerIdNumber: "1001")));
    }
}
