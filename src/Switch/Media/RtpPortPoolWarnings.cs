using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switch.Media;

/// <summary>
/// The pool's allocation warnings, at most one of each kind per <see cref="Interval"/> (the first at once),
/// each counting what happened since the previous one: a held range must not log one line per port per call.
/// Thread-safe.
/// </summary>
internal sealed class RtpPortPoolWarnings
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private long _nextBindReport = long.MinValue;
    private long _nextExhaustedReport = long.MinValue;
    private int _bindFailures;
    private int _refused;
    private long _bindFailuresTotal;
    private long _refusedTotal;

    public RtpPortPoolWarnings(ILogger logger, TimeProvider time, TimeSpan interval)
    {
        _logger = logger;
        _time = time;
        Interval = interval;
        _intervalTicks = (long)(interval.TotalSeconds * time.TimestampFrequency);
    }

    public TimeSpan Interval { get; }

    /// <summary>Failed socket creations or binds since start (for a metric: the warnings only sample them).</summary>
    public long BindFailuresTotal => Interlocked.Read(ref _bindFailuresTotal);

    /// <summary>Legs refused for want of a bindable pair since start.</summary>
    public long RefusedTotal => Interlocked.Read(ref _refusedTotal);

    /// <summary>A socket could not be created or bound on <paramref name="port"/>.</summary>
    public void BindFailed(RtpPortPool pool, IPAddress address, int port, SocketException error)
    {
        Interlocked.Increment(ref _bindFailures);
        Interlocked.Increment(ref _bindFailuresTotal);
        if (IsDue(ref _nextBindReport))
        {
            RtpPortPoolLog.BindFailed(_logger, address, port, error.SocketErrorCode, Interlocked.Exchange(ref _bindFailures, 0),
                pool.SetAsideCount, pool.Capacity, pool.Range, pool.RetryAfter.TotalSeconds);
        }
    }

    /// <summary>A leg was refused because no pair could be had.</summary>
    public void Exhausted(RtpPortPool pool)
    {
        Interlocked.Increment(ref _refused);
        Interlocked.Increment(ref _refusedTotal);
        if (IsDue(ref _nextExhaustedReport))
        {
            RtpPortPoolLog.Exhausted(_logger, pool.Capacity, pool.Range, pool.InUse, pool.SetAsideCount, Interlocked.Exchange(ref _refused, 0));
        }
    }

    /// <summary>True for the one caller that moves the report time on when it has come.</summary>
    private bool IsDue(ref long next)
    {
        var now = _time.GetTimestamp();
        var due = Volatile.Read(ref next);
        return now >= due && Interlocked.CompareExchange(ref next, now + _intervalTicks, due) == due;
    }
}
