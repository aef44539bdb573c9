using Microsoft.Extensions.Logging.Abstractions;
using Switch.Registrar;

namespace Switch.Tests.Registrar;

public sealed class BindingWriteBehindTests
{
    [Fact]
    public async Task Changes_to_one_binding_coalesce_and_the_newest_reaches_the_store()
    {
        await using var f = new RegistrarFixture();
        var store = new RecordingStore();
        var writer = new BindingWriteBehind(store, TimeSpan.FromMilliseconds(500), NullLogger.Instance);

        for (var i = 1; i <= 10; i++)
        {
            writer.Enqueue(BindingChange.Upsert(f.Binding(expiresIn: i * 60)));
        }
        writer.Enqueue(BindingChange.Upsert(f.Binding(user: "1001")));
        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var batch = Assert.Single(store.Batches);
        Assert.Equal(2, batch.Count);
        var all = await store.Inner.GetAllAsync(f.Time.GetUtcNow());
        Assert.Equal(f.Time.GetUtcNow().AddSeconds(600), all.Single(b => b.User == "1000").ExpiresAt);
        Assert.Equal((2L, 0L), writer.Counts);
        Assert.Equal(0, writer.Pending);
    }

    [Fact]
    public async Task A_remove_after_a_put_leaves_nothing_in_the_store()
    {
        await using var f = new RegistrarFixture();
        var store = new RecordingStore();
        await store.Inner.PutAsync(f.Binding(user: "1002"));
        var writer = new BindingWriteBehind(store, TimeSpan.Zero, NullLogger.Instance);
        var b = f.Binding();

        writer.Enqueue(BindingChange.Upsert(b));
        writer.Enqueue(BindingChange.Delete(b.User, b.Domain, b.Key));
        writer.Enqueue(BindingChange.Delete("1002", b.Domain, f.Binding(user: "1002").Key.ToUpperInvariant()));
        await writer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(await store.Inner.GetAllAsync(f.Time.GetUtcNow()));
    }

    [Fact]
    public async Task A_failing_store_is_counted_and_later_batches_still_go_out()
    {
        await using var f = new RegistrarFixture();
        var store = new RecordingStore { FailNext = true };
        var writer = new BindingWriteBehind(store, TimeSpan.Zero, NullLogger.Instance);

        writer.Enqueue(BindingChange.Upsert(f.Binding(user: "1000")));
        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));
        writer.Enqueue(BindingChange.Upsert(f.Binding(user: "1001")));
        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((1L, 1L), writer.Counts);
        Assert.Equal("1001", Assert.Single(await store.Inner.GetAllAsync(f.Time.GetUtcNow())).User);
    }

    [Fact]
    public async Task The_location_service_answers_before_the_store_has_the_binding_and_flush_writes_it()
    {
        var store = new RecordingStore { Gate = new TaskCompletionSource() };
        await using var f = new RegistrarFixture(store);

        await f.Locations.PutAsync(f.Binding()).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(f.Locations.GetBindings("1000", "192.0.2.10"));
        Assert.Empty(await store.Inner.GetAllAsync(f.Time.GetUtcNow()));

        store.Gate.SetResult();
        await f.Locations.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(await store.Inner.GetAllAsync(f.Time.GetUtcNow()));
        Assert.Equal(0, f.Locations.PendingWrites);
    }

    private sealed class RecordingStore : IBindingStore
    {
        public InMemoryBindingStore Inner { get; } = new();
        public List<IReadOnlyList<BindingChange>> Batches { get; } = [];
        public bool FailNext { get; set; }
        public TaskCompletionSource? Gate { get; init; }

        public async ValueTask ApplyAsync(IReadOnlyList<BindingChange> changes, CancellationToken cancellationToken = default)
        {
            if (Gate is not null)
            {
                await Gate.Task;
            }
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("store down");
            }
            Batches.Add(changes);
            await Inner.ApplyAsync(changes, cancellationToken);
        }

        public ValueTask<IReadOnlyList<Binding>> GetAsync(string user, string domain, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Inner.GetAsync(user, domain, now, cancellationToken);

        public ValueTask<IReadOnlyList<Binding>> GetAllAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Inner.GetAllAsync(now, cancellationToken);

        public ValueTask PutAsync(Binding binding, CancellationToken cancellationToken = default) => Inner.PutAsync(binding, cancellationToken);

        public ValueTask<bool> RemoveAsync(string user, string domain, string key, CancellationToken cancellationToken = default) =>
            Inner.RemoveAsync(user, domain, key, cancellationToken);

        public ValueTask<IReadOnlyList<Binding>> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Inner.RemoveExpiredAsync(now, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
