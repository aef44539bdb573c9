using Switch.Events;
using Switch.Registrar;

namespace Switch.Tests.Registrar;

public sealed class RegistrationEventsTests
{
    private static List<KeyValuePair<string, string>> OwnHeaders(SwitchEvent e)
    {
        var headers = e.Headers.ToList();
        var subclass = headers.FindIndex(h => h.Key == "Event-Subclass");
        return headers.Skip(subclass + 1).ToList();
    }

    [Fact]
    public async Task Register_has_exactly_mod_sofias_headers()
    {
        await using var f = new RegistrarFixture();
        var b = f.Binding(display: "1001") with { User = "1001", AuthUser = "1001", ContactUri = "sip:1001@192.0.2.55:5060;transport=udp", CallId = "a84b4c76e66710@192.0.2.55" };

        f.RegistrationEvents.Registered(b, "1001", "192.0.2.10", 3600, isRefresh: false);

        var e = Assert.Single(f.Events);
        Assert.Equal("CUSTOM", e.Name);
        Assert.Equal("sofia::register", e.GetHeader("Event-Subclass"));
        Assert.Equal(
        [
            new("profile-name", "internal"),
            new("from-user", "1001"),
            new("from-host", "192.0.2.10"),
            new("presence-hosts", "n/a"),
            new("contact", "\"1001\" <sip:1001@192.0.2.55:5060;transport=udp>"),
            new("call-id", "a84b4c76e66710@192.0.2.55"),
            new("rpid", "unknown"),
            new("status", "Registered(UDP)"),
            new("expires", "3600"),
            new("to-user", "1001"),
            new("to-host", "192.0.2.10"),
            new("network-ip", "192.0.2.55"),
            new("network-port", "5060"),
            new("username", "1001"),
            new("realm", "192.0.2.10"),
            new("user-agent", "Linphone/5.2"),
        ], OwnHeaders(e));
    }

    [Fact]
    public async Task A_refresh_adds_update_reg_and_nat_shows_in_status_and_contact()
    {
        await using var f = new RegistrarFixture();
        var b = f.Binding(nat: true, display: null) with { ContactUri = "sip:1000@10.0.0.5:5060;transport=udp" };

        f.RegistrationEvents.Registered(b, null, null, 600, isRefresh: true);

        var e = Assert.Single(f.Events);
        Assert.Equal("Registered(UDP-NAT)", e.GetHeader("status"));
        Assert.Equal("true", OwnHeaders(e)[^1].Value);
        Assert.Equal("update-reg", OwnHeaders(e)[^1].Key);
        Assert.Equal("\"\" <sip:1000@10.0.0.5:5060;transport=udp;fs_nat=yes;fs_path=sip%3A1000%40203.0.113.9%3A40123%3Btransport%3Dudp>",
            e.GetHeader("contact"));
        Assert.Equal("203.0.113.9", e.GetHeader("network-ip"));
        Assert.Equal("40123", e.GetHeader("network-port"));
    }

    [Fact]
    public async Task Tcp_bindings_report_registered_tcp()
    {
        await using var f = new RegistrarFixture();

        f.RegistrationEvents.Registered(f.Binding(transport: BindingTransport.Tcp), null, null, 60, false);

        Assert.Equal("Registered(TCP)", f.Events[0].GetHeader("status"));
    }

    [Fact]
    public async Task Unregister_has_exactly_mod_sofias_headers()
    {
        await using var f = new RegistrarFixture();

        f.RegistrationEvents.Unregistered(f.Binding());

        Assert.Equal(
        [
            "profile-name", "username", "from-user", "from-host", "contact", "call-id", "rpid", "realm", "network-ip",
            "network-port", "user-agent", "expires",
        ], OwnHeaders(f.Events[0]).Select(h => h.Key));
        Assert.Equal("sofia::unregister", f.Events[0].Subclass);
        Assert.Equal("0", f.Events[0].GetHeader("expires"));
    }

    [Fact]
    public async Task Expire_has_exactly_mod_sofias_headers_with_the_absolute_expiry()
    {
        await using var f = new RegistrarFixture();
        var b = f.Binding(expiresIn: 60);

        f.RegistrationEvents.Expired(b);

        var e = f.Events[0];
        Assert.Equal("sofia::expire", e.Subclass);
        Assert.Equal(
        [
            "profile-name", "call-id", "user", "username", "host", "contact", "expires", "user-agent", "realm",
            "network-ip", "network-port",
        ], OwnHeaders(e).Select(h => h.Key));
        Assert.Equal(b.ExpiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), e.GetHeader("expires"));
        Assert.Equal("1000", e.GetHeader("user"));
        Assert.Equal("192.0.2.10", e.GetHeader("host"));
    }

    [Fact]
    public void Nothing_is_built_without_subscribers()
    {
        var time = new Support.ManualTimeProvider();
        var bus = new EventBus(RegistrarFixture.Identity, time);
        var events = new RegistrationEvents(bus);
        var f = new RegistrarFixture(time: time);

        events.Registered(f.Binding(), null, null, 60, false);

        Assert.Equal(0, bus.LastSequence);
    }
}
