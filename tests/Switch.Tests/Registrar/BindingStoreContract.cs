using System.Net;
using Switch.Registrar;

namespace Switch.Tests.Registrar;

/// <summary>The behaviour every <see cref="IBindingStore"/> must have; one subclass per implementation.</summary>
public abstract class BindingStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 4, 10, 20, 30, TimeSpan.Zero);

    private IBindingStore? _store;

    internal IBindingStore Store => _store ?? throw new InvalidOperationException("not initialized");

    internal abstract Task<IBindingStore> CreateStoreAsync();

    public virtual async Task InitializeAsync() => _store = await CreateStoreAsync();

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    internal static Binding Sample(string user = "1000", string contactUri = "sip:1000-0x55c6a1@192.0.2.55:5060;transport=udp",
        int expiresIn = 3600, string? instance = null, int? regId = null, string domain = "192.0.2.10") => new()
    {
        User = user,
        Domain = domain,
        ContactUri = contactUri,
        ContactHeader = $"\"Alice\" <{contactUri}>;expires={expiresIn};q=0.5",
        Display = "Alice",
        Q = 0.5f,
        ExpiresAt = T0.AddSeconds(expiresIn),
        CallId = "a84b4c76e66710@192.0.2.55",
        CSeq = 2,
        InstanceId = instance,
        RegId = regId,
        UserAgent = "baresip v3.10.1",
        Received = new IPEndPoint(IPAddress.Parse("203.0.113.7"), 35646),
        Transport = BindingTransport.Udp,
        ConnectionId = null,
        Path = null,
        AuthUser = user,
        BehindNat = true,
    };

    [Fact]
    public async Task Put_then_get_round_trips_every_field()
    {
        var tcp = Sample() with
        {
            Transport = BindingTransport.Tcp,
            ConnectionId = 42,
            Path = "<sip:edge.example.com;lr>",
            Received = new IPEndPoint(IPAddress.IPv6Loopback, 5070),
            InstanceId = "<urn:uuid:00000000-0000-1000-8000-000A95A0E128>",
            RegId = 1,
        };
        await Store.PutAsync(tcp);

        var got = Assert.Single(await Store.GetAsync("1000", "192.0.2.10", T0));
        Assert.Equal(tcp, got);
    }

    [Fact]
    public async Task Same_contact_uri_replaces_the_binding()
    {
        await Store.PutAsync(Sample());
        await Store.PutAsync(Sample(expiresIn: 60) with { CSeq = 3, CallId = "other" });

        var got = Assert.Single(await Store.GetAsync("1000", "192.0.2.10", T0));
        Assert.Equal(3u, got.CSeq);
        Assert.Equal("other", got.CallId);
        Assert.Equal(T0.AddSeconds(60), got.ExpiresAt);
    }

    [Fact]
    public async Task Same_instance_and_reg_id_replaces_even_with_a_new_contact_uri()
    {
        const string instance = "<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>";
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.55:5060", instance: instance, regId: 1));
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.55:6060", instance: instance, regId: 1));
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.55:7070", instance: instance, regId: 2));

        var got = await Store.GetAsync("1000", "192.0.2.10", T0);
        Assert.Equal(2, got.Count);
        Assert.Contains(got, b => b.ContactUri == "sip:1000@192.0.2.55:6060");
        Assert.Contains(got, b => b.ContactUri == "sip:1000@192.0.2.55:7070");
    }

    [Fact]
    public async Task An_aor_holds_several_bindings_and_aors_are_separate()
    {
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.55"));
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.56"));
        await Store.PutAsync(Sample(user: "1001", contactUri: "sip:1001@192.0.2.57"));

        Assert.Equal(2, (await Store.GetAsync("1000", "192.0.2.10", T0)).Count);
        Assert.Single(await Store.GetAsync("1001", "192.0.2.10", T0));
        Assert.Empty(await Store.GetAsync("1002", "192.0.2.10", T0));
        Assert.Empty(await Store.GetAsync("1000", "other.example", T0));
        Assert.Equal(3, (await Store.GetAllAsync(T0)).Count);
    }

    [Fact]
    public async Task Aor_lookup_ignores_case()
    {
        await Store.PutAsync(Sample(user: "Alice", domain: "Example.COM"));

        Assert.Single(await Store.GetAsync("alice", "example.com", T0));
    }

    [Fact]
    public async Task Expired_bindings_are_never_returned()
    {
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.55", expiresIn: 30));
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.56", expiresIn: 120));

        Assert.Equal(2, (await Store.GetAsync("1000", "192.0.2.10", T0.AddSeconds(29))).Count);
        var later = T0.AddSeconds(30);
        Assert.Equal("sip:1000@192.0.2.56", Assert.Single(await Store.GetAsync("1000", "192.0.2.10", later)).ContactUri);
        Assert.Single(await Store.GetAllAsync(later));
        Assert.Empty(await Store.GetAllAsync(T0.AddSeconds(120)));
    }

    [Fact]
    public async Task Remove_deletes_one_binding_by_key()
    {
        var a = Sample(contactUri: "sip:1000@192.0.2.55");
        await Store.PutAsync(a);
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.56"));

        Assert.True(await Store.RemoveAsync("1000", "192.0.2.10", a.Key));
        Assert.False(await Store.RemoveAsync("1000", "192.0.2.10", a.Key));
        Assert.Equal("sip:1000@192.0.2.56", Assert.Single(await Store.GetAsync("1000", "192.0.2.10", T0)).ContactUri);
    }

    [Fact]
    public async Task Remove_expired_returns_exactly_the_expired_bindings()
    {
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.55", expiresIn: 30));
        await Store.PutAsync(Sample(user: "1001", contactUri: "sip:1001@192.0.2.56", expiresIn: 40));
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.57", expiresIn: 600));

        var removed = await Store.RemoveExpiredAsync(T0.AddSeconds(40));

        Assert.Equal(["sip:1000@192.0.2.55", "sip:1001@192.0.2.56"], removed.Select(b => b.ContactUri).Order());
        Assert.Empty(await Store.RemoveExpiredAsync(T0.AddSeconds(40)));
        Assert.Single(await Store.GetAllAsync(T0));
    }

    [Fact]
    public async Task A_refreshed_binding_is_not_removed_as_expired()
    {
        await Store.PutAsync(Sample(expiresIn: 30));
        await Store.PutAsync(Sample(expiresIn: 3600));

        Assert.Empty(await Store.RemoveExpiredAsync(T0.AddSeconds(31)));
        Assert.Single(await Store.GetAsync("1000", "192.0.2.10", T0.AddSeconds(31)));
    }
}
