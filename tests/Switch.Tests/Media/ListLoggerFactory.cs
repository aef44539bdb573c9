using Microsoft.Extensions.Logging;

namespace Switch.Tests.Media;

/// <summary>A logger factory whose loggers keep every entry (category, level, event id, message) for assertions.</summary>
internal sealed class ListLoggerFactory : ILoggerFactory
{
    private readonly Lock _lock = new();
    private readonly List<(string Category, LogLevel Level, int EventId, string Message)> _entries = [];

    public IReadOnlyList<(string Category, LogLevel Level, int EventId, string Message)> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Add(string category, LogLevel level, EventId id, string message)
    {
        lock (_lock)
        {
            _entries.Add((category, level, id.Id, message));
        }
    }

    private sealed class ListLogger(ListLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(category, logLevel, eventId, formatter(state, exception));
    }
}
