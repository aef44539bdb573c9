using Microsoft.Extensions.Logging;

namespace Switch.Registrar;

/// <summary>
/// The location service (RFC 3261 §10): every binding in memory for synchronous lookups, written behind to
/// an optional durable store (SQLite, Redis; see <see cref="BindingWriteBehind"/>) that is read back at start. Bindings expire on one timer armed at
/// the earliest expiry (a priority queue, not a timer per binding), each expiry publishing
/// <c>sofia::expire</c>.
/// </summary>
internal sealed class LocationService : IAsyncDisposable
{
    private readonly InMemoryBindingStore _memory;
    private readonly IBindingStore? _durable;
    private readonly BindingWriteBehind? _writeBehind;
    private readonly TimeProvider _time;
    private readonly RegistrationEvents _events;
    private readonly ILogger _logger;
    private readonly Lock _expiryLock = new();
    private readonly PriorityQueue<ExpiryEntry, DateTimeOffset> _expiries = new();
    private readonly ITimer _timer;
    private DateTimeOffset _armedFor = DateTimeOffset.MaxValue;
    private Task _durableCleanup = Task.CompletedTask;
    private int _disposed;

    public LocationService(InMemoryBindingStore memory, IBindingStore? durable, TimeProvider time,
        RegistrationEvents events, ILogger<LocationService> logger, TimeSpan? writeDelay = null)
    {
        _memory = memory;
        _durable = durable;
        _writeBehind = durable is null ? null : new BindingWriteBehind(durable, writeDelay ?? DefaultWriteDelay, logger);
        _time = time;
        _events = events;
        _logger = logger;
        _timer = time.CreateTimer(static s => ((LocationService)s!).OnTimer(), this,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How long a binding change may wait in memory before its batch goes to the durable store.</summary>
    public static readonly TimeSpan DefaultWriteDelay = TimeSpan.FromMilliseconds(20);

    public TimeProvider Time => _time;

    /// <summary>Binding changes not yet in the durable store (0 without one).</summary>
    public int PendingWrites => _writeBehind?.Pending ?? 0;

    /// <summary>
    /// Expiry entries queued: about one per binding. A refresh that moves the expiry later leaves the binding's
    /// entry as it is; when that entry comes due the binding is found alive and queued again at its expiry.
    /// </summary>
    public int PendingExpiries
    {
        get
        {
            lock (_expiryLock)
            {
                return _expiries.Count;
            }
        }
    }

    /// <summary>Loads the unexpired bindings of the durable store into memory and drops its expired ones.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_durable is null)
        {
            return;
        }
        var now = _time.GetUtcNow();
        var loaded = await _durable.GetAllAsync(now, cancellationToken).ConfigureAwait(false);
        foreach (var binding in loaded)
        {
            _memory.Put(binding);
            Schedule(binding);
        }
        await _durable.RemoveExpiredAsync(now, cancellationToken).ConfigureAwait(false);
        RegistrarLog.BindingsLoaded(_logger, loaded.Count);
    }

    /// <summary>The unexpired bindings of an AOR (the call engine's lookup). Never blocks.</summary>
    public IReadOnlyList<Binding> GetBindings(string user, string domain) => _memory.Get(user, domain, _time.GetUtcNow());

    /// <summary>Every unexpired binding, AOR by AOR.</summary>
    public IEnumerable<Binding> GetAll()
    {
        var now = _time.GetUtcNow();
        foreach (var b in _memory.Enumerate())
        {
            if (b.ExpiresAt > now)
            {
                yield return b;
            }
        }
    }

    /// <summary>
    /// Adds or refreshes a binding; returns the one it replaced (null for a new binding). Completes at once: the
    /// durable store is written behind (<see cref="FlushAsync"/> waits for it).
    /// </summary>
    public ValueTask<Binding?> PutAsync(Binding binding, CancellationToken cancellationToken = default)
    {
        var previous = _memory.Put(binding);
        if (previous is null || binding.ExpiresAt < previous.ExpiresAt)
        {
            // Otherwise the entry queued for the previous binding comes due first and re-queues this one.
            Schedule(binding);
        }
        _writeBehind?.Enqueue(BindingChange.Upsert(binding));
        return ValueTask.FromResult(previous);
    }

    /// <summary>Removes a binding by key; returns it, or null when there was none. Written behind like puts.</summary>
    public ValueTask<Binding?> RemoveAsync(string user, string domain, string key, CancellationToken cancellationToken = default)
    {
        var removed = _memory.Remove(user, domain, key);
        _writeBehind?.Enqueue(BindingChange.Delete(user, domain, key));
        return ValueTask.FromResult(removed);
    }

    /// <summary>Waits until queued binding writes and background cleanup are in the durable store (tests, shutdown).</summary>
    public async Task FlushAsync()
    {
        if (_writeBehind is not null)
        {
            await _writeBehind.FlushAsync().ConfigureAwait(false);
        }
        Task cleanup;
        lock (_expiryLock)
        {
            cleanup = _durableCleanup;
        }
        await cleanup.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _timer.DisposeAsync().ConfigureAwait(false);
        await FlushAsync().ConfigureAwait(false);
    }

    private void Schedule(Binding binding)
    {
        lock (_expiryLock)
        {
            _expiries.Enqueue(new ExpiryEntry(binding.User, binding.Domain, binding.Key), binding.ExpiresAt);
            if (binding.ExpiresAt < _armedFor)
            {
                Arm(binding.ExpiresAt);
            }
        }
    }

    private void Arm(DateTimeOffset due)
    {
        _armedFor = due;
        var delay = due - _time.GetUtcNow();
        _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }
        var now = _time.GetUtcNow();
        List<Binding>? expired = null;
        lock (_expiryLock)
        {
            while (_expiries.TryPeek(out var entry, out var due) && due <= now)
            {
                _expiries.Dequeue();
                if (_memory.RemoveIfExpired(entry.User, entry.Domain, entry.Key, now) is { } gone)
                {
                    (expired ??= []).Add(gone);
                }
                else if (_memory.TryGet(entry.User, entry.Domain, entry.Key, out var refreshed) && refreshed.ExpiresAt > due)
                {
                    _expiries.Enqueue(entry, refreshed.ExpiresAt);
                }
            }
            _armedFor = DateTimeOffset.MaxValue;
            if (_expiries.TryPeek(out _, out var next))
            {
                Arm(next);
            }
            if (expired is not null && _durable is not null && _durableCleanup.IsCompleted)
            {
                _durableCleanup = CleanDurableAsync(now);
            }
        }
        if (expired is null)
        {
            return;
        }
        foreach (var binding in expired)
        {
            RegistrarLog.BindingExpired(_logger, binding.User, binding.Domain, binding.ContactUri);
            _events.Expired(binding);
        }
    }

    private async Task CleanDurableAsync(DateTimeOffset now)
    {
        try
        {
            await _durable!.RemoveExpiredAsync(now).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            RegistrarLog.StoreFailed(_logger, e, "removing expired bindings");
        }
    }

    private readonly record struct ExpiryEntry(string User, string Domain, string Key);
}
