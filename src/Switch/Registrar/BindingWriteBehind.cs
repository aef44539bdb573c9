using Microsoft.Extensions.Logging;

namespace Switch.Registrar;

/// <summary>
/// Writes binding changes to a durable store behind the registrar's back (Kamailio's usrloc "write-back"
/// mode): a REGISTER is answered from memory at once, and its change is queued. Changes to the same binding
/// coalesce (the newest wins), and one writer drains the queue in batches, each batch one store transaction,
/// so a burst of registrations costs a few commits instead of one per REGISTER. A crash loses at most the
/// changes of the last <see cref="Delay"/> plus one batch; a clean stop (<see cref="DisposeAsync"/>) writes
/// everything.
/// </summary>
internal sealed class BindingWriteBehind : IAsyncDisposable
{
    private readonly IBindingStore _store;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private Dictionary<(string User, string Domain, string Key), BindingChange> _pending = new(KeyComparer.Instance);
    private Task _writer = Task.CompletedTask;
    private bool _writing;
    private long _written;
    private long _failed;

    public BindingWriteBehind(IBindingStore store, TimeSpan delay, ILogger logger)
    {
        _store = store;
        Delay = delay;
        _logger = logger;
    }

    /// <summary>How long the writer waits after the first queued change so that others join its batch.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Changes queued and not yet handed to the store.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Changes the store accepted / changes lost to store failures (diagnostics).</summary>
    public (long Written, long Failed) Counts => (Interlocked.Read(ref _written), Interlocked.Read(ref _failed));

    public void Enqueue(BindingChange change)
    {
        lock (_lock)
        {
            _pending[(change.User, change.Domain, change.Key)] = change;
            if (!_writing)
            {
                _writing = true;
                _writer = WriteAsync();
            }
        }
    }

    /// <summary>Completes when every change queued before the call is in the store (or was logged as failed).</summary>
    public async Task FlushAsync()
    {
        while (true)
        {
            Task writer;
            lock (_lock)
            {
                if (!_writing && _pending.Count == 0)
                {
                    return;
                }
                writer = _writer;
            }
            await writer.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await FlushAsync().ConfigureAwait(false);

    private async Task WriteAsync()
    {
        // Off the SIP receive thread, and a moment for the burst to gather.
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay).ConfigureAwait(false);
        }
        else
        {
            await Task.Yield();
        }
        while (true)
        {
            Dictionary<(string, string, string), BindingChange> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = _pending;
                _pending = new(KeyComparer.Instance);
            }
            var changes = new List<BindingChange>(batch.Values);
            try
            {
                await _store.ApplyAsync(changes).ConfigureAwait(false);
                Interlocked.Add(ref _written, changes.Count);
            }
            catch (Exception e)
            {
                Interlocked.Add(ref _failed, changes.Count);
                RegistrarLog.StoreFailed(_logger, e, $"writing {changes.Count} binding change(s)");
            }
        }
    }

    private sealed class KeyComparer : IEqualityComparer<(string User, string Domain, string Key)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string User, string Domain, string Key) x, (string User, string Domain, string Key) y) =>
            string.Equals(x.User, y.User, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Domain, y.Domain, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Key, y.Key, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string User, string Domain, string Key) obj) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(obj.User),
            StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Domain),
            StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Key));
    }
}
