namespace Switch.Examples.CallCenter;

/// <summary>A caller in the queue (mutable; owned by <see cref="CallQueue"/>).</summary>
internal sealed class QueueCaller(string uuid, string callerIdNumber, DateTimeOffset enqueuedAt)
{
    public string Uuid { get; } = uuid;

    public string CallerIdNumber { get; } = callerIdNumber;

    public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

    public CallerState State { get; set; } = CallerState.Waiting;

    /// <summary>Agents currently ringing for this caller.</summary>
    public HashSet<string> Ringing { get; } = new(StringComparer.Ordinal);

    public string? AgentId { get; set; }
}
