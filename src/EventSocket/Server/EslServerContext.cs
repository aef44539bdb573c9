using Microsoft.Extensions.Logging;

namespace Switch.EventSocket;

/// <summary>What every connection of one server shares.</summary>
internal sealed class EslServerContext
{
    private long _nextId;
    private int _runningJobs;

    public EslServerContext(EslServerOptions options, IEslCommandExecutor executor, EslEventHub hub, ILogger logger, EslServerMetrics metrics, TimeProvider time, CancellationToken stopping)
    {
        Options = options;
        Executor = executor;
        Hub = hub;
        Logger = logger;
        Metrics = metrics;
        Time = time;
        Stopping = stopping;
        Throttle = new EslAuthThrottle(time, options.MaxFailedAuths, options.FailedAuthWindow);
        Limits = new EslFramingLimits(options.MaxCommandBytes, options.MaxCommandBodyBytes);
    }

    public EslServerOptions Options { get; }

    public IEslCommandExecutor Executor { get; }

    public EslEventHub Hub { get; }

    public ILogger Logger { get; }

    public EslServerMetrics Metrics { get; }

    public TimeProvider Time { get; }

    public CancellationToken Stopping { get; }

    public EslAuthThrottle Throttle { get; }

    public EslFramingLimits Limits { get; }

    public int RunningJobs => Volatile.Read(ref _runningJobs);

    public long NextConnectionId() => Interlocked.Increment(ref _nextId);

    public void JobStarted() => Interlocked.Increment(ref _runningJobs);

    public void JobFinished() => Interlocked.Decrement(ref _runningJobs);
}
