using System.Data;
using System.Net;
using Microsoft.Data.Sqlite;

namespace Switch.Registrar;

/// <summary>
/// Bindings in a SQLite file (WAL), so a restart keeps unexpired registrations. One connection, prepared
/// statements, calls serialized by a semaphore (a SQLite connection is single-threaded).
/// </summary>
internal sealed class SqliteBindingStore : IBindingStore
{
    private const string Columns =
        "user, domain, key, contact_uri, contact_header, display, q, expires_at, call_id, cseq, instance_id, reg_id, " +
        "user_agent, received_ip, received_port, transport, connection_id, path, auth_user, behind_nat";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _getAll;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _remove;
    private readonly SqliteCommand _removeExpired;

    private SqliteBindingStore(SqliteConnection connection)
    {
        _connection = connection;
        _get = Prepare($"SELECT {Columns} FROM bindings WHERE user = $user AND domain = $domain AND expires_at > $now", "$user", "$domain", "$now");
        _getAll = Prepare($"SELECT {Columns} FROM bindings WHERE expires_at > $now", "$now");
        _put = Prepare($"INSERT OR REPLACE INTO bindings ({Columns}) VALUES ($user, $domain, $key, $contact_uri, $contact_header, " +
            "$display, $q, $expires_at, $call_id, $cseq, $instance_id, $reg_id, $user_agent, $received_ip, $received_port, " +
            "$transport, $connection_id, $path, $auth_user, $behind_nat)",
            "$user", "$domain", "$key", "$contact_uri", "$contact_header", "$display", "$q", "$expires_at", "$call_id", "$cseq",
            "$instance_id", "$reg_id", "$user_agent", "$received_ip", "$received_port", "$transport", "$connection_id", "$path",
            "$auth_user", "$behind_nat");
        _remove = Prepare("DELETE FROM bindings WHERE user = $user AND domain = $domain AND key = $key", "$user", "$domain", "$key");
        _removeExpired = Prepare($"DELETE FROM bindings WHERE expires_at <= $now RETURNING {Columns}", "$now");
    }

    public string Path => _connection.DataSource;

    /// <summary>Opens (creating if needed) the database file and its schema.</summary>
    public static async Task<SqliteBindingStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var schema = connection.CreateCommand())
            {
                schema.CommandText = """
                    PRAGMA journal_mode = WAL;
                    PRAGMA synchronous = NORMAL;
                    CREATE TABLE IF NOT EXISTS bindings (
                        user TEXT NOT NULL COLLATE NOCASE,
                        domain TEXT NOT NULL COLLATE NOCASE,
                        key TEXT NOT NULL COLLATE NOCASE,
                        contact_uri TEXT NOT NULL,
                        contact_header TEXT NOT NULL,
                        display TEXT,
                        q REAL,
                        expires_at INTEGER NOT NULL,
                        call_id TEXT NOT NULL,
                        cseq INTEGER NOT NULL,
                        instance_id TEXT,
                        reg_id INTEGER,
                        user_agent TEXT,
                        received_ip TEXT NOT NULL,
                        received_port INTEGER NOT NULL,
                        transport INTEGER NOT NULL,
                        connection_id INTEGER,
                        path TEXT,
                        auth_user TEXT NOT NULL,
                        behind_nat INTEGER NOT NULL,
                        PRIMARY KEY (user, domain, key)
                    ) WITHOUT ROWID;
                    CREATE INDEX IF NOT EXISTS bindings_expires_at ON bindings (expires_at);
                    """;
                await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return new SqliteBindingStore(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask<IReadOnlyList<Binding>> GetAsync(string user, string domain, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _get.Parameters[0].Value = user;
            _get.Parameters[1].Value = domain;
            _get.Parameters[2].Value = now.ToUnixTimeMilliseconds();
            return await ReadAsync(_get, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<IReadOnlyList<Binding>> GetAllAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _getAll.Parameters[0].Value = now.ToUnixTimeMilliseconds();
            return await ReadAsync(_getAll, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask PutAsync(Binding binding, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            BindPut(binding);
            await _put.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask ApplyAsync(IReadOnlyList<BindingChange> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One transaction for the batch: one WAL commit instead of one per binding.
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            _put.Transaction = (SqliteTransaction)transaction;
            _remove.Transaction = (SqliteTransaction)transaction;
            try
            {
                foreach (var change in changes)
                {
                    if (change.Put is { } binding)
                    {
                        BindPut(binding);
                        await _put.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        _remove.Parameters[0].Value = change.User;
                        _remove.Parameters[1].Value = change.Domain;
                        _remove.Parameters[2].Value = change.Key;
                        await _remove.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _put.Transaction = null;
                _remove.Transaction = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<bool> RemoveAsync(string user, string domain, string key, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _remove.Parameters[0].Value = user;
            _remove.Parameters[1].Value = domain;
            _remove.Parameters[2].Value = key;
            return await _remove.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<IReadOnlyList<Binding>> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _removeExpired.Parameters[0].Value = now.ToUnixTimeMilliseconds();
            return await ReadAsync(_removeExpired, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var command in new[] { _get, _getAll, _put, _remove, _removeExpired })
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void BindPut(Binding binding)
    {
        var p = _put.Parameters;
        p[0].Value = binding.User;
        p[1].Value = binding.Domain;
        p[2].Value = binding.Key;
        p[3].Value = binding.ContactUri;
        p[4].Value = binding.ContactHeader;
        p[5].Value = (object?)binding.Display ?? DBNull.Value;
        p[6].Value = binding.Q is { } q ? q : DBNull.Value;
        p[7].Value = binding.ExpiresAt.ToUnixTimeMilliseconds();
        p[8].Value = binding.CallId;
        p[9].Value = (long)binding.CSeq;
        p[10].Value = (object?)binding.InstanceId ?? DBNull.Value;
        p[11].Value = binding.RegId is { } regId ? regId : DBNull.Value;
        p[12].Value = (object?)binding.UserAgent ?? DBNull.Value;
        p[13].Value = binding.Received.Address.ToString();
        p[14].Value = binding.Received.Port;
        p[15].Value = (int)binding.Transport;
        p[16].Value = binding.ConnectionId is { } id ? id : DBNull.Value;
        p[17].Value = (object?)binding.Path ?? DBNull.Value;
        p[18].Value = binding.AuthUser;
        p[19].Value = binding.BehindNat ? 1 : 0;
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static async Task<IReadOnlyList<Binding>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<Binding>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new Binding
            {
                User = reader.GetString(0),
                Domain = reader.GetString(1),
                ContactUri = reader.GetString(3),
                ContactHeader = reader.GetString(4),
                Display = NullableString(reader, 5),
                Q = reader.IsDBNull(6) ? null : (float)reader.GetDouble(6),
                ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                CallId = reader.GetString(8),
                CSeq = (uint)reader.GetInt64(9),
                InstanceId = NullableString(reader, 10),
                RegId = reader.IsDBNull(11) ? null : reader.GetInt32(11),
                UserAgent = NullableString(reader, 12),
                Received = new IPEndPoint(IPAddress.Parse(reader.GetString(13)), reader.GetInt32(14)),
                Transport = (BindingTransport)reader.GetInt32(15),
                ConnectionId = reader.IsDBNull(16) ? null : reader.GetInt64(16),
                Path = NullableString(reader, 17),
                AuthUser = reader.GetString(18),
                BehindNat = reader.GetInt32(19) != 0,
            });
        }
        return result;
    }

    private static string? NullableString(IDataRecord reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
