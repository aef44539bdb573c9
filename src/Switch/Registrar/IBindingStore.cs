namespace Switch.Registrar;

/// <summary>
/// Where bindings live. Keyed by (user, domain, <see cref="Binding.Key"/>), compared case-insensitively.
/// Reads never return a binding whose ExpiresAt is at or before <c>now</c>.
/// </summary>
internal interface IBindingStore : IAsyncDisposable
{
    /// <summary>The unexpired bindings of one AOR.</summary>
    ValueTask<IReadOnlyList<Binding>> GetAsync(string user, string domain, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>Every unexpired binding (status listings, loading after a restart).</summary>
    ValueTask<IReadOnlyList<Binding>> GetAllAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Adds the binding or replaces the one with the same key.</summary>
    ValueTask PutAsync(Binding binding, CancellationToken cancellationToken = default);

    /// <summary>Removes one binding; false when there was none.</summary>
    ValueTask<bool> RemoveAsync(string user, string domain, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies several puts and removes in order, as one unit where the store has transactions (the
    /// write-behind batches of <see cref="BindingWriteBehind"/>).
    /// </summary>
    ValueTask ApplyAsync(IReadOnlyList<BindingChange> changes, CancellationToken cancellationToken = default);

    /// <summary>Removes and returns every binding expired at <paramref name="now"/>.</summary>
    ValueTask<IReadOnlyList<Binding>> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
