namespace Switch.Calls;

/// <summary>One application execution on a channel: its name, argument, ids and who waits for it.</summary>
/// <param name="applicationUuid">The Application-UUID of its events; null: one is made when an event first needs it.</param>
internal sealed class ApplicationRun(string name, string? data, string? applicationUuid, string? applicationUuidName)
{
    private TaskCompletionSource<ExecuteResult>? _completion;
    private string? _applicationUuid = applicationUuid;

    /// <summary>What few runs have (an Application-UUID-Name, a timer): room for it only when one does.</summary>
    private Seldom? _seldom = applicationUuidName is null ? null : new Seldom { ApplicationUuidName = applicationUuidName };

    public string Name { get; } = name;
    public string? Data { get; } = data;

    /// <summary>Application-UUID (read on the call's mailbox).</summary>
    public string ApplicationUuid => _applicationUuid ??= Guid.NewGuid().ToString();

    public string? ApplicationUuidName => _seldom?.ApplicationUuidName;

    /// <summary>The timer that ends this run (sleep), if any.</summary>
    public ITimer? Timer
    {
        get => _seldom?.Timer;
        set
        {
            if (value is not null || _seldom is not null)
            {
                (_seldom ??= new Seldom()).Timer = value;
            }
        }
    }

    /// <summary>Set once CHANNEL_EXECUTE_COMPLETE has been fired for this run.</summary>
    public bool Finished { get; set; }

    /// <summary>
    /// Completes when the run ends. Read it before the run is handed to a call: a run nobody waits for (park at
    /// call start) never makes one.
    /// </summary>
    public Task<ExecuteResult> Completion => (_completion ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Complete(string? response) => _completion?.TrySetResult(new ExecuteResult(ExecuteStatus.Completed, Name, response));

    public void NoChannel() => _completion?.TrySetResult(new ExecuteResult(ExecuteStatus.NoSuchChannel, Name, null));

    public void Drop() => _completion?.TrySetResult(new ExecuteResult(ExecuteStatus.HungUp, Name, null));

    private sealed class Seldom
    {
        public string? ApplicationUuidName { get; init; }
        public ITimer? Timer { get; set; }
    }
}
