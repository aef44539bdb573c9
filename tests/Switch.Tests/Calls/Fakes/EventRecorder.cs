using Switch.Events;

namespace Switch.Tests.Calls.Fakes;

/// <summary>Collects every published event and lets a test wait, bounded, for one to appear.</summary>
internal sealed class EventRecorder : IDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly List<SwitchEvent> _events = [];
    private readonly Lock _lock = new();
    private readonly IDisposable _subscription;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventRecorder(EventBus bus) => _subscription = bus.Subscribe(OnEvent);

    public IReadOnlyList<SwitchEvent> All
    {
        get
        {
            lock (_lock)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>Events about one channel, rendered as "NAME" or "CHANNEL_STATE CS_X" / "CHANNEL_CALLSTATE X" / "CHANNEL_EXECUTE app".</summary>
    public IReadOnlyList<string> Trace(string uuid) =>
        All.Where(e => e.UniqueId == uuid).Select(Describe).ToArray();

    public static string Describe(SwitchEvent e) => e.Name switch
    {
        "CHANNEL_STATE" => $"STATE {e.GetHeader("Channel-State")}",
        "CHANNEL_CALLSTATE" => $"CALLSTATE {e.GetHeader("Channel-Call-State")}",
        "CHANNEL_EXECUTE" => $"EXECUTE {e.GetHeader("Application")}",
        "CHANNEL_EXECUTE_COMPLETE" => $"EXECUTE_COMPLETE {e.GetHeader("Application")}",
        "CHANNEL_HANGUP" => $"HANGUP {e.GetHeader("Hangup-Cause")}",
        _ => e.Name.StartsWith("CHANNEL_", StringComparison.Ordinal) ? e.Name["CHANNEL_".Length..] : e.Name,
    };

    /// <summary>Waits until an event matching <paramref name="match"/> has been published, then returns it.</summary>
    public async Task<SwitchEvent> WaitAsync(Func<SwitchEvent, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var found = _events.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("event not seen; got: " + string.Join(", ", All.Select(Describe)));
            }
            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    public Task<SwitchEvent> WaitAsync(string name, string uuid, TimeSpan? timeout = null) =>
        WaitAsync(e => e.Name == name && e.UniqueId == uuid, timeout);

    private void OnEvent(SwitchEvent e)
    {
        TaskCompletionSource previous;
        lock (_lock)
        {
            _events.Add(e);
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }

    public void Dispose() => _subscription.Dispose();
}
