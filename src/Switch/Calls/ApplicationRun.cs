namespace Switch.Calls;

/// <summary>One application execution on a channel: its name, argument, ids and who waits for it.</summary>
internal sealed class ApplicationRun(string name, string? data, string applicationUuid, string? applicationUuidName)
{
    private readonly TaskCompletionSource<ExecuteResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;
    public string? Data { get; } = data;
    public string ApplicationUuid { get; } = applicationUuid;
    public string? ApplicationUuidName { get; } = applicationUuidName;

    /// <summary>The timer that ends this run (sleep), if any.</summary>
    public ITimer? Timer { get; set; }

    /// <summary>Set once CHANNEL_EXECUTE_COMPLETE has been fired for this run.</summary>
    public bool Finished { get; set; }

    public Task<ExecuteResult> Completion => _completion.Task;

    public void Complete(string? response) => _completion.TrySetResult(new ExecuteResult(ExecuteStatus.Completed, Name, response));

    public void NoChannel() => _completion.TrySetResult(new ExecuteResult(ExecuteStatus.NoSuchChannel, Name, null));

    public void Drop() => _completion.TrySetResult(new ExecuteResult(ExecuteStatus.HungUp, Name, null));
}
