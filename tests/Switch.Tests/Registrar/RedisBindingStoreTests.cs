using Switch.Registrar;

namespace Switch.Tests.Registrar;

public sealed class RedisBindingStoreTests(RedisServer redis) : BindingStoreContract, IClassFixture<RedisServer>
{
    // Each test gets its own key prefix on the shared server, so tests never see each other's data.
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";

    internal override async Task<IBindingStore> CreateStoreAsync() =>
        await RedisBindingStore.ConnectAsync(redis.Configuration, _prefix);

    [Fact]
    public async Task A_restart_keeps_unexpired_bindings_and_drops_expired_ones()
    {
        var kept = Sample(contactUri: "sip:1000@192.0.2.55", expiresIn: 3600);
        await Store.PutAsync(kept);
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.56", expiresIn: 10));

        await using var reopened = await RedisBindingStore.ConnectAsync(redis.Configuration, _prefix);
        var later = T0.AddSeconds(60);

        Assert.True(reopened.IsConnected);
        Assert.Equal(kept, Assert.Single(await reopened.GetAsync("1000", "192.0.2.10", later)));
        Assert.Equal(kept, Assert.Single(await reopened.GetAllAsync(later)));
        Assert.Equal("sip:1000@192.0.2.56", Assert.Single(await reopened.RemoveExpiredAsync(later)).ContactUri);
    }

    [Fact]
    public async Task Expiry_removal_works_in_batches()
    {
        for (var i = 0; i < 1200; i++)
        {
            await Store.PutAsync(Sample(user: $"u{i}", contactUri: $"sip:u{i}@192.0.2.55", expiresIn: 5));
        }
        await Store.PutAsync(Sample(expiresIn: 600));

        Assert.Equal(1200, (await Store.RemoveExpiredAsync(T0.AddSeconds(5))).Count);
        Assert.Single(await Store.GetAllAsync(T0));
    }
}
