using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Switch.EventSocket;

namespace Switch.Hosting;

/// <summary>
/// A logger provider that hands every log line to event-socket connections that asked for `log &lt;level&gt;`.
/// It formats nothing unless someone listens.
/// </summary>
internal sealed class EslLogForwarder(TimeProvider time) : ILoggerProvider, IEslLogSource
{
    private ImmutableArray<Action<EslLogLine>> _listeners = ImmutableArray<Action<EslLogLine>>.Empty;

    public IDisposable Subscribe(Action<EslLogLine> onLog)
    {
        ImmutableInterlocked.Update(ref _listeners, static (l, a) => l.Add(a), onLog);
        return new Unsubscribe(this, onLog);
    }

    public ILogger CreateLogger(string categoryName) => new Forwarder(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>FreeSWITCH's numeric levels: 2 crit, 3 err, 4 warning, 6 info, 7 debug.</summary>
    internal static (int Number, string Name) ToFreeSwitchLevel(LogLevel level) => level switch
    {
        LogLevel.Critical => (2, "CRIT"),
        LogLevel.Error => (3, "ERR"),
        LogLevel.Warning => (4, "WARNING"),
        LogLevel.Information => (6, "INFO"),
        _ => (7, "DEBUG"),
    };

    private void Emit(string category, LogLevel level, string message, Exception? exception)
    {
        var listeners = _listeners;
        if (listeners.IsEmpty)
        {
            return;
        }
        var (number, name) = ToFreeSwitchLevel(level);
        var now = time.GetLocalNow();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{now:yyyy-MM-dd HH:mm:ss.ffffff} [{name}] {category} {message}{(exception is null ? "" : " " + exception.Message)}\n");
        var line = new EslLogLine(number, text, category, "", 0);
        foreach (var listener in listeners)
        {
            listener(line);
        }
    }

    private sealed class Forwarder(EslLogForwarder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && !owner._listeners.IsEmpty;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Emit(category, logLevel, formatter(state, exception), exception);
            }
        }
    }

    private sealed class Unsubscribe(EslLogForwarder owner, Action<EslLogLine> listener) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref owner._listeners, static (l, a) => l.Remove(a), listener);
    }
}
