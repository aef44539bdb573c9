using System.Collections.Concurrent;
using Switch.Client;

namespace Switch.Examples.CallCenter;

/// <summary>The switch-side state of one queued caller: its leg, the agent legs ringing for it, the hold music.</summary>
internal sealed class CallerCall(Channel caller)
{
    private int _holdStopped;

    public Channel Caller { get; } = caller;

    public ConcurrentDictionary<string, Channel> AgentLegs { get; } = new(StringComparer.Ordinal);

    public TaskCompletionSource<Channel> Connected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? AgentId { get; set; }

    public bool HoldStopped => Volatile.Read(ref _holdStopped) != 0;

    /// <summary>Stops the hold-music loop and interrupts the current playback (<c>uuid_break</c>).</summary>
    public async Task StopHoldAsync()
    {
        if (Interlocked.Exchange(ref _holdStopped, 1) != 0 || Caller.IsHungUp)
        {
            return;
        }

        try
        {
            await Caller.Connection.ApiAsync($"uuid_break {Caller.UniqueId} all");
        }
        catch (EventSocketException)
        {
            // Nothing to interrupt.
        }
    }
}
