using System.Collections.Concurrent;

namespace Switch.Registrar;

/// <summary>
/// Bindings in process memory: one immutable array per AOR, replaced atomically (readers never lock).
/// Besides the <see cref="IBindingStore"/> contract it offers synchronous calls for the call engine's lookups.
/// </summary>
internal sealed class InMemoryBindingStore : IBindingStore
{
    private readonly ConcurrentDictionary<AorKey, Binding[]> _aors;

    public InMemoryBindingStore(int expectedAors = 1024) =>
        _aors = new ConcurrentDictionary<AorKey, Binding[]>(Environment.ProcessorCount, expectedAors, AorKey.Comparer);

    /// <summary>Number of AORs with at least one binding (expired ones included until removed).</summary>
    public int AorCount => _aors.Count;

    /// <summary>The unexpired bindings of one AOR; no allocation when none has expired.</summary>
    public IReadOnlyList<Binding> Get(string user, string domain, DateTimeOffset now)
    {
        if (!_aors.TryGetValue(new AorKey(user, domain), out var bindings))
        {
            return [];
        }
        var live = 0;
        foreach (var b in bindings)
        {
            if (b.ExpiresAt > now)
            {
                live++;
            }
        }
        if (live == bindings.Length)
        {
            return bindings;
        }
        var result = new Binding[live];
        var i = 0;
        foreach (var b in bindings)
        {
            if (b.ExpiresAt > now)
            {
                result[i++] = b;
            }
        }
        return result;
    }

    public bool TryGet(string user, string domain, string key, out Binding binding)
    {
        if (_aors.TryGetValue(new AorKey(user, domain), out var bindings))
        {
            var i = IndexOf(bindings, key);
            if (i >= 0)
            {
                binding = bindings[i];
                return true;
            }
        }
        binding = null!;
        return false;
    }

    /// <summary>Adds or replaces by key; returns the binding it replaced, if any.</summary>
    public Binding? Put(Binding binding)
    {
        var aor = new AorKey(binding.User, binding.Domain);
        var key = binding.Key;
        while (true)
        {
            if (!_aors.TryGetValue(aor, out var current))
            {
                if (_aors.TryAdd(aor, [binding]))
                {
                    return null;
                }
                continue;
            }
            var i = IndexOf(current, key);
            Binding[] next;
            if (i >= 0)
            {
                next = (Binding[])current.Clone();
                next[i] = binding;
            }
            else
            {
                next = new Binding[current.Length + 1];
                current.CopyTo(next, 0);
                next[^1] = binding;
            }
            if (_aors.TryUpdate(aor, next, current))
            {
                return i >= 0 ? current[i] : null;
            }
        }
    }

    /// <summary>Removes by key; returns the removed binding or null.</summary>
    public Binding? Remove(string user, string domain, string key) => RemoveWhere(user, domain, key, null);

    /// <summary>Removes by key only if that binding is expired at <paramref name="now"/> (not refreshed meanwhile).</summary>
    public Binding? RemoveIfExpired(string user, string domain, string key, DateTimeOffset now) =>
        RemoveWhere(user, domain, key, now);

    /// <summary>Every binding, expired or not, AOR by AOR (a moment-in-time view per AOR).</summary>
    public IEnumerable<Binding> Enumerate()
    {
        foreach (var (_, bindings) in _aors)
        {
            foreach (var b in bindings)
            {
                yield return b;
            }
        }
    }

    public ValueTask<IReadOnlyList<Binding>> GetAsync(string user, string domain, DateTimeOffset now,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Get(user, domain, now));

    public ValueTask<IReadOnlyList<Binding>> GetAllAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var result = new List<Binding>();
        foreach (var b in Enumerate())
        {
            if (b.ExpiresAt > now)
            {
                result.Add(b);
            }
        }
        return ValueTask.FromResult<IReadOnlyList<Binding>>(result);
    }

    public ValueTask PutAsync(Binding binding, CancellationToken cancellationToken = default)
    {
        Put(binding);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(string user, string domain, string key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Remove(user, domain, key) is not null);

    public ValueTask ApplyAsync(IReadOnlyList<BindingChange> changes, CancellationToken cancellationToken = default)
    {
        foreach (var change in changes)
        {
            if (change.Put is { } binding)
            {
                Put(binding);
            }
            else
            {
                Remove(change.User, change.Domain, change.Key);
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<Binding>> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var removed = new List<Binding>();
        foreach (var (aor, bindings) in _aors)
        {
            foreach (var b in bindings)
            {
                if (b.ExpiresAt <= now && RemoveIfExpired(aor.User, aor.Domain, b.Key, now) is { } gone)
                {
                    removed.Add(gone);
                }
            }
        }
        return ValueTask.FromResult<IReadOnlyList<Binding>>(removed);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Binding? RemoveWhere(string user, string domain, string key, DateTimeOffset? expiredAt)
    {
        var aor = new AorKey(user, domain);
        while (true)
        {
            if (!_aors.TryGetValue(aor, out var current))
            {
                return null;
            }
            var i = IndexOf(current, key);
            if (i < 0 || (expiredAt is { } now && current[i].ExpiresAt > now))
            {
                return null;
            }
            if (current.Length == 1)
            {
                if (_aors.TryRemove(new KeyValuePair<AorKey, Binding[]>(aor, current)))
                {
                    return current[0];
                }
                continue;
            }
            var next = new Binding[current.Length - 1];
            Array.Copy(current, 0, next, 0, i);
            Array.Copy(current, i + 1, next, i, current.Length - i - 1);
            if (_aors.TryUpdate(aor, next, current))
            {
                return current[i];
            }
        }
    }

    private static int IndexOf(Binding[] bindings, string key)
    {
        for (var i = 0; i < bindings.Length; i++)
        {
            if (string.Equals(bindings[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
