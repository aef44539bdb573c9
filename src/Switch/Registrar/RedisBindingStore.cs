using StackExchange.Redis;

namespace Switch.Registrar;

/// <summary>
/// Bindings in Redis: one hash per AOR (<c>{prefix}aor:{domain}:{user}</c>, field = binding key, value =
/// JSON) and one sorted set <c>{prefix}expiry</c> scoring every binding by its expiry time, so expired
/// bindings are found without scanning. Writes go in MULTI/EXEC; expiry removal is one Lua script, atomic
/// against concurrent refreshes.
/// </summary>
internal sealed class RedisBindingStore : IBindingStore
{
    private const int ExpireBatch = 500;

    private const string RemoveExpiredScript = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        local out = { #due }
        for _, m in ipairs(due) do
          redis.call('ZREM', KEYS[1], m)
          local tab = string.find(m, '\t', 1, true)
          if tab then
            local h = string.sub(m, 1, tab - 1)
            local f = string.sub(m, tab + 1)
            local v = redis.call('HGET', h, f)
            if v then
              redis.call('HDEL', h, f)
              out[#out + 1] = v
            end
          end
        end
        return out
        """;

    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _db;
    private readonly string _prefix;
    private readonly RedisKey _expiryKey;

    private RedisBindingStore(ConnectionMultiplexer connection, string prefix)
    {
        _connection = connection;
        _db = connection.GetDatabase();
        _prefix = prefix;
        _expiryKey = prefix + "expiry";
    }

    /// <summary>Connects with a StackExchange.Redis configuration string such as <c>127.0.0.1:6379</c>.</summary>
    public static async Task<RedisBindingStore> ConnectAsync(string configuration, string keyPrefix = "switch:reg:")
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        var connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        return new RedisBindingStore(connection, keyPrefix);
    }

    public bool IsConnected => _connection.IsConnected;

    public async ValueTask<IReadOnlyList<Binding>> GetAsync(string user, string domain, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var entries = await _db.HashGetAllAsync(AorKeyOf(user, domain)).ConfigureAwait(false);
        var result = new List<Binding>(entries.Length);
        foreach (var entry in entries)
        {
            if (BindingRecord.Deserialize(entry.Value) is { } b && b.ExpiresAt > now)
            {
                result.Add(b);
            }
        }
        return result;
    }

    public async ValueTask<IReadOnlyList<Binding>> GetAllAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var members = await _db.SortedSetRangeByScoreAsync(_expiryKey, now.ToUnixTimeMilliseconds(), double.PositiveInfinity,
            Exclude.Start).ConfigureAwait(false);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            var text = (string?)member;
            var tab = text?.IndexOf('\t', StringComparison.Ordinal) ?? -1;
            if (tab > 0)
            {
                hashes.Add(text![..tab]);
            }
        }
        var reads = new List<Task<HashEntry[]>>(hashes.Count);
        foreach (var hash in hashes)
        {
            reads.Add(_db.HashGetAllAsync(hash));
        }
        var result = new List<Binding>(members.Length);
        foreach (var read in reads)
        {
            foreach (var entry in await read.ConfigureAwait(false))
            {
                if (BindingRecord.Deserialize(entry.Value) is { } b && b.ExpiresAt > now)
                {
                    result.Add(b);
                }
            }
        }
        return result;
    }

    public async ValueTask PutAsync(Binding binding, CancellationToken cancellationToken = default)
    {
        var hash = AorKeyOf(binding.User, binding.Domain);
        var field = binding.Key.ToLowerInvariant();
        var transaction = _db.CreateTransaction();
        var set = transaction.HashSetAsync(hash, field, BindingRecord.Serialize(binding));
        var add = transaction.SortedSetAddAsync(_expiryKey, Member(hash, field), binding.ExpiresAt.ToUnixTimeMilliseconds());
        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException("Redis refused the binding write transaction");
        }
        await Task.WhenAll(set, add).ConfigureAwait(false);
    }

    public async ValueTask<bool> RemoveAsync(string user, string domain, string key, CancellationToken cancellationToken = default)
    {
        var hash = AorKeyOf(user, domain);
        var field = key.ToLowerInvariant();
        var transaction = _db.CreateTransaction();
        var deleted = transaction.HashDeleteAsync(hash, field);
        _ = transaction.SortedSetRemoveAsync(_expiryKey, Member(hash, field));
        await transaction.ExecuteAsync().ConfigureAwait(false);
        return await deleted.ConfigureAwait(false);
    }

    public async ValueTask ApplyAsync(IReadOnlyList<BindingChange> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0)
        {
            return;
        }
        var transaction = _db.CreateTransaction();
        var writes = new List<Task>(changes.Count * 2);
        foreach (var change in changes)
        {
            var hash = AorKeyOf(change.User, change.Domain);
            var field = change.Key.ToLowerInvariant();
            if (change.Put is { } binding)
            {
                writes.Add(transaction.HashSetAsync(hash, field, BindingRecord.Serialize(binding)));
                writes.Add(transaction.SortedSetAddAsync(_expiryKey, Member(hash, field), binding.ExpiresAt.ToUnixTimeMilliseconds()));
            }
            else
            {
                writes.Add(transaction.HashDeleteAsync(hash, field));
                writes.Add(transaction.SortedSetRemoveAsync(_expiryKey, Member(hash, field)));
            }
        }
        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException("Redis refused the binding write transaction");
        }
        await Task.WhenAll(writes).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<Binding>> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var removed = new List<Binding>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await _db.ScriptEvaluateAsync(RemoveExpiredScript, [_expiryKey],
                [now.ToUnixTimeMilliseconds(), ExpireBatch]).ConfigureAwait(false);
            var items = (RedisResult[])result!;
            for (var i = 1; i < items.Length; i++)
            {
                if (BindingRecord.Deserialize((string?)items[i]) is { } b)
                {
                    removed.Add(b);
                }
            }
            if ((long)items[0] < ExpireBatch)
            {
                return removed;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.CloseAsync().ConfigureAwait(false);
        _connection.Dispose();
    }

    private string AorKeyOf(string user, string domain) =>
        string.Concat(_prefix, "aor:", domain.ToLowerInvariant(), ":", user.ToLowerInvariant());

    private static string Member(string hash, string field) => string.Concat(hash, "\t", field);
}
