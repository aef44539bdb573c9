namespace Switch.Calls;

/// <summary>How an application run through sendmsg execute ended.</summary>
internal enum ExecuteStatus
{
    /// <summary>The application ran; CHANNEL_EXECUTE_COMPLETE was fired.</summary>
    Completed,

    /// <summary>No channel has that uuid.</summary>
    NoSuchChannel,

    /// <summary>The channel hung up before the application could start.</summary>
    HungUp,
}

/// <summary>The outcome of <see cref="CallEngine.ExecuteApplicationAsync"/>: its Application-Response when it ran.</summary>
internal sealed record ExecuteResult(ExecuteStatus Status, string Application, string? Response)
{
    public bool Ran => Status == ExecuteStatus.Completed;
}
