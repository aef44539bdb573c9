using Microsoft.Extensions.Logging;

namespace Switch.Registrar;

/// <summary>
/// The location service (RFC 3261 §10): every binding in memory for synchronous lookups, written through to
/// an optional durable store (SQLite, Redis) that is read back at start. Bindings expire on one timer armed at
/// the earliest expiry (a priority queue, not a timer per binding), each expiry publishing
/// <c>sofia::expire</c>.
/// </summary>
internal sealed class LocationService : IAsyncDisposable
{
    private readonly InMemoryBindingStore _memory;
    private readonly IBindingStore? _durable;
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
        RegistrationEvents events, ILogger<LocationService> logger)
    {
        _memory = memory;
        _durable = durable;
        _time = time;
        _events = events;
        _logger = logger;
        _timer = time.CreateTimer(static s => ((LocationService)s!).OnTimer(), this,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TimeProvider Time => _time;

    /// <summary>Expiry entries queued (refreshed bindings leave their old entry until it comes due).</summary>
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

    /// <summary>Adds or refreshes a binding; returns the one it replaced (null for a new binding).</summary>
    public async ValueTask<Binding?> PutAsync(Binding binding, CancellationToken cancellationToken = default)
    {
        var previous = _memory.Put(binding);
        Schedule(binding);
        if (_durable is not null)
        {
            await _durable.PutAsync(binding, cancellationToken).ConfigureAwait(false);
        }
        return previous;
    }

    /// <summary>Removes a binding by key; returns it, or null when there was none.</summary>
    public async ValueTask<Binding?> RemoveAsync(string user, string domain, string key, CancellationToken cancellationToken = default)
    {
        var removed = _memory.Remove(user, domain, key);
        if (_durable is not null)
        {
            await _durable.RemoveAsync(user, domain, key, cancellationToken).ConfigureAwait(false);
        }
        return removed;
    }

    /// <summary>Waits for background cleanup of the durable store (tests, shutdown).</summary>
    public Task FlushAsync()
    {
        lock (_expiryLock)
        {
            return _durableCleanup;
        }
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
