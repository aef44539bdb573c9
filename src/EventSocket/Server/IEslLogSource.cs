namespace Switch.EventSocket;

/// <summary>Source of log lines for connections that sent <c>log &lt;level&gt;</c>. Same threading contract as <see cref="IEslEventSource"/>.</summary>
public interface IEslLogSource
{
    /// <summary>Registers <paramref name="onLog"/> for every log line from now on; dispose to stop.</summary>
    IDisposable Subscribe(Action<EslLogLine> onLog);
}
