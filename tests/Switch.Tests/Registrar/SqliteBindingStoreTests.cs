using Switch.Registrar;

namespace Switch.Tests.Registrar;

public sealed class SqliteBindingStoreTests : BindingStoreContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "switch-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "registrations.db");

    internal override async Task<IBindingStore> CreateStoreAsync() => await SqliteBindingStore.OpenAsync(DatabasePath);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_restart_keeps_unexpired_bindings_and_drops_expired_ones()
    {
        var kept = Sample(contactUri: "sip:1000@192.0.2.55", expiresIn: 3600);
        await Store.PutAsync(kept);
        await Store.PutAsync(Sample(contactUri: "sip:1000@192.0.2.56", expiresIn: 10));
        await Store.DisposeAsync();

        await using var reopened = await SqliteBindingStore.OpenAsync(DatabasePath);
        var later = T0.AddSeconds(60);

        Assert.Equal(kept, Assert.Single(await reopened.GetAsync("1000", "192.0.2.10", later)));
        Assert.Single(await reopened.GetAllAsync(later));
        Assert.Single(await reopened.RemoveExpiredAsync(later));
        await InitializeAsync(); // let the base dispose a live store
    }

    [Fact]
    public async Task The_database_uses_write_ahead_logging()
    {
        await Store.PutAsync(Sample());

        Assert.True(File.Exists(DatabasePath + "-wal"));
    }
}
