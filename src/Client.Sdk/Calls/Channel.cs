namespace Switch.Client;

/// <summary>
/// One call leg, driven over the event socket. Its state follows the leg's events (subscribe to
/// <see cref="EventNames.ChannelLifecycle"/>; <see cref="EventSocketConnection.OriginateAsync"/> does it for you),
/// and its methods read like the call flow: <c>await call.AnswerAsync(); await call.PlaybackAsync(file);
/// await call.HangupAsync();</c>. Get one from <see cref="EventSocketConnection.GetChannel(ChannelEvent)"/>,
/// <see cref="EventSocketConnection.OriginateAsync"/> or <see cref="OutboundSession.Channel"/>.
/// </summary>
public sealed partial class Channel
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<bool> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<HangupCause> _hungUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _bridged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly EventFanout<ChannelEvent> _events;

    internal Channel(EventSocketConnection connection, string uniqueId)
    {
        Connection = connection;
        UniqueId = uniqueId;
        _events = new EventFanout<ChannelEvent>(connection.EventQueueCapacity, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    /// <summary>The connection commands go through.</summary>
    public EventSocketConnection Connection { get; }

    /// <summary>The leg's <c>Unique-ID</c>.</summary>
    public string UniqueId { get; }

    /// <summary>True once the leg was answered.</summary>
    public bool IsAnswered { get; private set; }

    /// <summary>True while the leg is bridged to another.</summary>
    public bool IsBridged { get; private set; }

    /// <summary>True once the leg hung up (or its originate failed).</summary>
    public bool IsHungUp { get; private set; }

    /// <summary>Why the leg ended, once it has.</summary>
    public HangupCause? HangupCause { get; private set; }

    /// <summary>The cause as the switch named it, once the leg has ended.</summary>
    public string? HangupCauseName { get; private set; }

    /// <summary>The leg it is (or was last) bridged to.</summary>
    public string? OtherLegUniqueId { get; private set; }

    /// <summary>The most recent event about this leg.</summary>
    public ChannelEvent? LastEvent { get; private set; }

    /// <summary>This leg's events from the moment enumeration starts until it hangs up (<c>CHANNEL_HANGUP_COMPLETE</c>).</summary>
    public IAsyncEnumerable<ChannelEvent> Events => _events.ReadAllAsync();

    /// <summary>This leg's events (see <see cref="Events"/>), with cancellation.</summary>
    public IAsyncEnumerable<ChannelEvent> ReadEventsAsync(CancellationToken cancellationToken = default) => _events.ReadAllAsync(cancellationToken);

    /// <summary>Completes when the leg is answered; throws <see cref="ChannelHangupException"/> (with the cause) if it ends first.</summary>
    public async Task WaitForAnswerAsync(CancellationToken cancellationToken = default)
    {
        await EnsureEventsAsync(cancellationToken).ConfigureAwait(false);
        if (!await _answered.Task.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            throw HangupError();
        }
    }

    /// <summary>Completes when the leg is bridged; throws <see cref="ChannelHangupException"/> if it ends first.</summary>
    public async Task WaitForBridgeAsync(CancellationToken cancellationToken = default)
    {
        await EnsureEventsAsync(cancellationToken).ConfigureAwait(false);
        if (!await _bridged.Task.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            throw HangupError();
        }
    }

    /// <summary>Completes with the hangup cause when the leg has ended.</summary>
    public async Task<HangupCause> WaitForHangupAsync(CancellationToken cancellationToken = default)
    {
        await EnsureEventsAsync(cancellationToken).ConfigureAwait(false);
        return await _hungUp.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => UniqueId;

    /// <summary>Applies an event's state without publishing it (the event that introduced the leg).</summary>
    internal void Seed(ChannelEvent channelEvent) => Apply(channelEvent);

    /// <summary>Applies and publishes an event about this leg (called on the reader loop).</summary>
    internal void OnEvent(ChannelEvent channelEvent)
    {
        Apply(channelEvent);
        _events.Publish(channelEvent);
        if (channelEvent is ChannelHangupComplete || channelEvent.Name == EventNames.ChannelDestroy)
        {
            _events.Complete();
        }
    }

    /// <summary>Watches the originate job: <c>-ERR &lt;CAUSE&gt;</c> ends the leg with that cause, <c>+OK</c> means answered.</summary>
    internal void TrackOriginate(Task<BackgroundJob> job) =>
        _ = job.ContinueWith(
            static (t, state) =>
            {
                var channel = (Channel)state!;
                if (t.IsCompletedSuccessfully)
                {
                    var result = t.Result;
                    if (result.IsOk)
                    {
                        channel.MarkAnswered();
                    }
                    else
                    {
                        var name = FirstWord(result.ErrorText);
                        channel.MarkHungUp(HangupCauses.Parse(name, Client.HangupCause.None), name);
                    }
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private void Apply(ChannelEvent e)
    {
        LastEvent = e;
        switch (e)
        {
            case ChannelBridge bridge:
                lock (_gate)
                {
                    IsBridged = true;
                    OtherLegUniqueId = string.Equals(bridge.BridgeAUniqueId, UniqueId, StringComparison.OrdinalIgnoreCase)
                        ? bridge.BridgeBUniqueId
                        : bridge.BridgeAUniqueId;
                }

                _bridged.TrySetResult(true);
                break;
            case ChannelUnbridge:
                lock (_gate)
                {
                    IsBridged = false;
                }

                break;
            case ChannelHangup or ChannelHangupComplete:
                var name = e["Hangup-Cause"] ?? e.GetVariable("hangup_cause") ?? Client.HangupCause.NormalClearing.ToName();
                MarkHungUp(HangupCauses.Parse(name, Client.HangupCause.None), name);
                return;
            case { Name: EventNames.ChannelDestroy }:
                var destroyCause = e["Hangup-Cause"] ?? e.GetVariable("hangup_cause") ?? Client.HangupCause.NormalClearing.ToName();
                MarkHungUp(HangupCauses.Parse(destroyCause, Client.HangupCause.None), destroyCause);
                return;
        }

        if (e is ChannelAnswer || e.IsAnswered)
        {
            MarkAnswered();
        }
    }

    private void MarkAnswered()
    {
        lock (_gate)
        {
            if (IsHungUp)
            {
                return;
            }

            IsAnswered = true;
        }

        _answered.TrySetResult(true);
    }

    private void MarkHungUp(HangupCause cause, string causeName)
    {
        lock (_gate)
        {
            if (IsHungUp)
            {
                return;
            }

            IsHungUp = true;
            IsBridged = false;
            HangupCause = cause;
            HangupCauseName = causeName;
        }

        _answered.TrySetResult(false);
        _bridged.TrySetResult(false);
        _hungUp.TrySetResult(cause);
    }

    private ChannelHangupException HangupError() =>
        new(UniqueId, HangupCause ?? Client.HangupCause.None, HangupCauseName ?? Client.HangupCause.None.ToName());

    private void ThrowIfHungUp()
    {
        if (IsHungUp)
        {
            throw HangupError();
        }
    }

    private Task EnsureEventsAsync(CancellationToken cancellationToken) =>
        IsHungUp ? Task.CompletedTask : Connection.EnsureSubscribedAsync(EventNames.ChannelLifecycle, cancellationToken);

    private static string FirstWord(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Client.HangupCause.NormalUnspecified.ToName();
        }

        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\n', '\r']);
        return space < 0 ? trimmed : trimmed[..space];
    }
}
