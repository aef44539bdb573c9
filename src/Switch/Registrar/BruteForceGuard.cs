using System.Net;
using Microsoft.Extensions.Logging;

namespace Switch.Registrar;

/// <summary>
/// Counts failed authentications per source IP in a sliding window. A source reaching the threshold is
/// banned for the ban period: its next request gets 403, later ones are dropped silently. Other sources are
/// unaffected. Memory is bounded by <see cref="BruteForceOptions.MaxTrackedSources"/>. Thread-safe.
/// </summary>
internal sealed class BruteForceGuard
{
    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, SourceState> _sources = [];
    private readonly BruteForceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // The end of the latest ban ever set (UTC ticks): past it nobody is banned, and the checks on every request
    // answer without taking the lock.
    private long _bansEndAt;
    private volatile bool _liftPending;

    public BruteForceGuard(BruteForceOptions options, TimeProvider time, ILogger<BruteForceGuard> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
    }

    public bool Enabled => _options.Threshold > 0;

    /// <summary>Sources currently banned.</summary>
    public int BannedCount
    {
        get
        {
            var now = _time.GetUtcNow();
            lock (_lock)
            {
                return _sources.Values.Count(s => s.BannedUntil > now);
            }
        }
    }

    /// <summary>
    /// True when the source is banned and was already answered once: its packets can be dropped before any
    /// parsing or transaction state (no side effect, unlike <see cref="Check"/>).
    /// </summary>
    public bool IsSilenced(IPAddress source)
    {
        if (!Enabled)
        {
            return false;
        }
        var now = _time.GetUtcNow();
        if (now.UtcTicks >= Volatile.Read(ref _bansEndAt))
        {
            return false;
        }
        lock (_lock)
        {
            return _sources.TryGetValue(source, out var state) && state.Told && state.BannedUntil is { } until && until > now;
        }
    }

    public BanCheck Check(IPAddress source)
    {
        if (!Enabled)
        {
            return BanCheck.Allowed;
        }
        var now = _time.GetUtcNow();
        if (now.UtcTicks >= Volatile.Read(ref _bansEndAt))
        {
            LiftAll(now);
            return BanCheck.Allowed;
        }
        lock (_lock)
        {
            if (!_sources.TryGetValue(source, out var state) || state.BannedUntil is not { } until)
            {
                return BanCheck.Allowed;
            }
            if (until <= now)
            {
                _sources.Remove(source);
                RegistrarLog.BanLifted(_logger, source);
                return BanCheck.Allowed;
            }
            if (state.Told)
            {
                return BanCheck.Drop;
            }
            state.Told = true;
            return BanCheck.RespondForbidden;
        }
    }

    /// <summary>Counts one failed authentication; returns true when this failure banned the source.</summary>
    public bool RecordFailure(IPAddress source)
    {
        if (!Enabled)
        {
            return false;
        }
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_sources.TryGetValue(source, out var state))
            {
                if (_sources.Count >= _options.MaxTrackedSources)
                {
                    Shrink(now);
                }
                state = new SourceState(_options.Threshold);
                _sources[source] = state;
            }
            if (state.BannedUntil is { } until && until > now)
            {
                return false;
            }

            state.Add(now, _options.Window);
            state.LastFailure = now;
            if (state.Count < _options.Threshold)
            {
                return false;
            }
            state.BannedUntil = now + _options.BanPeriod;
            if (state.BannedUntil.Value.UtcTicks > _bansEndAt)
            {
                Volatile.Write(ref _bansEndAt, state.BannedUntil.Value.UtcTicks);
            }
            _liftPending = true;
            state.Told = false;
            state.Clear();
            RegistrarLog.SourceBanned(_logger, source, _options.Threshold, _options.Window.TotalSeconds,
                _options.BanPeriod.TotalSeconds);
            return true;
        }
    }

    /// <summary>Once every ban has run out: forgets the banned sources and logs each lift (one lock, once).</summary>
    private void LiftAll(DateTimeOffset now)
    {
        if (!_liftPending)
        {
            return;
        }
        lock (_lock)
        {
            if (!_liftPending || now.UtcTicks < _bansEndAt)
            {
                return;
            }
            List<IPAddress>? lifted = null;
            foreach (var (address, state) in _sources)
            {
                if (state.BannedUntil is { } until && until <= now)
                {
                    (lifted ??= []).Add(address);
                }
            }
            foreach (var address in lifted ?? [])
            {
                _sources.Remove(address);
                RegistrarLog.BanLifted(_logger, address);
            }
            _liftPending = false;
        }
    }

    private void Shrink(DateTimeOffset now)
    {
        var stale = new List<IPAddress>();
        foreach (var (address, state) in _sources)
        {
            var banned = state.BannedUntil is { } until && until > now;
            if (!banned && state.LastFailure + _options.Window <= now)
            {
                stale.Add(address);
            }
        }
        foreach (var address in stale)
        {
            _sources.Remove(address);
        }
        if (_sources.Count < _options.MaxTrackedSources)
        {
            return;
        }
        var byAge = _sources.Where(s => s.Value.BannedUntil is null || s.Value.BannedUntil <= now)
            .OrderBy(s => s.Value.LastFailure).ToList();
        var drop = Math.Max(1, _sources.Count / 10);
        RegistrarLog.GuardTableFull(_logger, _sources.Count, Math.Min(drop, byAge.Count));
        foreach (var (address, _) in byAge.Take(drop))
        {
            _sources.Remove(address);
        }
    }

    /// <summary>The failure times of one source within the window, in a ring of Threshold slots.</summary>
    private sealed class SourceState(int capacity)
    {
        private readonly DateTimeOffset[] _failures = new DateTimeOffset[capacity];
        private int _start;

        public int Count { get; private set; }
        public DateTimeOffset LastFailure { get; set; }
        public DateTimeOffset? BannedUntil { get; set; }
        public bool Told { get; set; }

        public void Add(DateTimeOffset now, TimeSpan window)
        {
            while (Count > 0 && _failures[_start] <= now - window)
            {
                _start = (_start + 1) % _failures.Length;
                Count--;
            }
            if (Count == _failures.Length)
            {
                _start = (_start + 1) % _failures.Length;
                Count--;
            }
            _failures[(_start + Count) % _failures.Length] = now;
            Count++;
        }

        public void Clear()
        {
            _start = 0;
            Count = 0;
        }
    }
}
