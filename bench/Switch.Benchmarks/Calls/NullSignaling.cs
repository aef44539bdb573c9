using Switch.Calls;

namespace Switch.Benchmarks.Calls;

/// <summary>A protocol side that accepts everything and sends nothing, so benchmarks measure the call engine alone.</summary>
internal class NullSignaling : ILegSignaling
{
    public static readonly NullSignaling Instance = new();

    public virtual ValueTask InviteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    public ValueTask RingAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    public ValueTask<bool> PreAnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    public ValueTask<bool> AnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    public ValueTask HangupAsync(HangupCause cause, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    public IReadOnlyList<KeyValuePair<string, string>>? TakeVariables() => null;
    public IReadOnlyList<KeyValuePair<string, string>>? TakeMediaStatistics() => null;
    public HangupCause? FarEndCause => null;
    public bool TryStartPlayback(string source, Action<string, bool> onCompleted, int loops = 1) => false;
    public void StopPlayback()
    {
    }

    public bool TryStartEcho() => false;

    public void StopEcho()
    {
    }

    public bool SendDtmf(string digits) => false;

    public bool TryStartRecording(string path, out string? error)
    {
        error = "no media";
        return false;
    }

    public bool StopRecording() => false;
    public ValueTask BridgeAsync(ILegSignaling peer, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    public ValueTask UnbridgeAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>A dialer whose every endpoint answers through the engine's leg events right after the INVITE.</summary>
internal sealed class AnsweringDialer(Func<ILegEvents> events) : ILegDialer
{
    public ValueTask<DialResolution> ResolveAsync(DialEndpoint endpoint, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DialResolution.To(new DialContact("sofia/internal/1001@192.0.2.55:5060", "1001")));

    public ILegSignaling CreateLeg(OutboundLegRequest request) => new AnsweringLeg(events(), request.Uuid);

    /// <summary>Answers as soon as it is invited; otherwise as quiet as <see cref="NullSignaling"/>.</summary>
    private sealed class AnsweringLeg(ILegEvents events, string uuid) : NullSignaling
    {
        public override ValueTask InviteAsync(CancellationToken cancellationToken)
        {
            events.Answered(uuid);
            return ValueTask.CompletedTask;
        }
    }
}
