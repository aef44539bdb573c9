using Switch.Registrar;

namespace Switch.Tests.Registrar;

public sealed class InMemoryBindingStoreTests : BindingStoreContract
{
    internal override Task<IBindingStore> CreateStoreAsync() => Task.FromResult<IBindingStore>(new InMemoryBindingStore());

    [Fact]
    public void Put_reports_the_binding_it_replaced()
    {
        var store = new InMemoryBindingStore();

        Assert.Null(store.Put(Sample()));
        var replaced = store.Put(Sample(expiresIn: 60));

        Assert.NotNull(replaced);
        Assert.Equal(T0.AddSeconds(3600), replaced.ExpiresAt);
    }

    [Fact]
    public void Remove_if_expired_keeps_a_refreshed_binding()
    {
        var store = new InMemoryBindingStore();
        var b = Sample(expiresIn: 30);
        store.Put(b);

        Assert.Null(store.RemoveIfExpired(b.User, b.Domain, b.Key, T0.AddSeconds(29)));
        Assert.NotNull(store.RemoveIfExpired(b.User, b.Domain, b.Key, T0.AddSeconds(30)));
        Assert.Equal(0, store.AorCount);
    }

    [Fact]
    public void Concurrent_writers_to_one_aor_lose_nothing()
    {
        var store = new InMemoryBindingStore();
        Parallel.For(0, 2000, i => store.Put(Sample(contactUri: $"sip:1000@192.0.2.{i % 250}:{5000 + i}")));

        Assert.Equal(2000, store.Get("1000", "192.0.2.10", T0).Count);
        Parallel.For(0, 2000, i => store.Remove("1000", "192.0.2.10", $"sip:1000@192.0.2.{i % 250}:{5000 + i}"));
        Assert.Empty(store.Get("1000", "192.0.2.10", T0));
    }
}
