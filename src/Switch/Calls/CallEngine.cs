using Microsoft.Extensions.Logging;
using Switch.Events;

namespace Switch.Calls;

/// <summary>
/// The B2BUA call engine, with no routing logic: a new inbound call becomes a parked channel announced
/// through events, and only commands move it. The façade the host constructs: the SIP side hands in calls
/// (<see cref="AcceptInbound"/>) and reports leg events (<see cref="LegEvents"/>); the event socket and
/// api commands drive channels through the command methods. Each call runs on its own mailbox.
/// </summary>
internal sealed partial class CallEngine : ILegEvents
{
    private readonly Func<bool> _hasController;

    public CallEngine(EventBus events, ILegDialer dialer, CallEngineOptions options, TimeProvider time,
        ILogger<CallEngine> logger, Func<bool>? hasController = null)
        : this(events, _ => dialer, options, time, logger, hasController)
    {
    }

    /// <summary>
    /// With a dialer built from the engine's own <see cref="ILegEvents"/> (the SIP dialer's legs report to the
    /// engine that creates them).
    /// </summary>
    public CallEngine(EventBus events, Func<ILegEvents, ILegDialer> dialerFactory, CallEngineOptions options, TimeProvider time,
        ILogger<CallEngine> logger, Func<bool>? hasController = null)
    {
        Events = events;
        Options = options;
        Time = time;
        Logger = logger;
        Registry = new CallRegistry(time);
        _hasController = hasController ?? (static () => true);
        Dialer = dialerFactory(this);
    }

    internal EventBus Events { get; }
    internal ILegDialer Dialer { get; }
    internal CallEngineOptions Options { get; }
    internal TimeProvider Time { get; }
    internal ILogger Logger { get; }
    internal CallRegistry Registry { get; }

    /// <summary>Calling parties kept once for the legs and calls that present the same one.</summary>
    internal SharedSlots<CallingParty> Parties { get; } = new();

    /// <summary>Where the SIP side reports what far ends do (progress, answer, hangup).</summary>
    public ILegEvents LegEvents => this;

    /// <summary>
    /// True when someone can drive a new call (an ESL client listening for channel events, or an outbound
    /// socket configured); without one, the SIP side refuses new calls with 480.
    /// </summary>
    public bool HasController => _hasController();

    /// <summary>Number of live channels.</summary>
    public int ChannelCount => Registry.Count;

    /// <summary>
    /// Takes a new inbound call: creates the a-leg channel and its call, then announces and parks it
    /// (STATE CS_INIT, CREATE, CALLSTATE RINGING, STATE CS_ROUTING, STATE CS_EXECUTE, EXECUTE park, PARK).
    /// Returns the channel uuid, or null when the requested uuid is already in use.
    /// </summary>
    public string? AcceptInbound(InboundCall inbound, ILegSignaling signaling)
    {
        var uuid = inbound.Uuid ?? Guid.NewGuid().ToString();
        var now = EventBus.ToMicroseconds(Time.GetUtcNow());
        var party = Parties.Share(new CallingParty(
            Username: inbound.Username,
            Dialplan: "XML",
            Source: "mod_sofia",
            Context: "default",
            CallerIdName: inbound.CallerIdName,
            CallerIdNumber: inbound.CallerIdNumber,
            OrigCallerIdName: inbound.CallerIdName,
            OrigCallerIdNumber: inbound.CallerIdNumber,
            Ani: inbound.CallerIdNumber,
            NetworkAddr: inbound.NetworkAddr,
            InitialCallerIdName: inbound.CallerIdName,
            InitialCallerIdNumber: inbound.CallerIdNumber));
        var profile = new CallerProfile(party)
        {
            DestinationNumber = inbound.DestinationNumber,
            ProfileCreatedTime = now,
            CreatedTime = now,
            InitialNetworkAddr = inbound.NetworkAddr,
            InitialDestinationNumber = inbound.DestinationNumber,
        };
        var leg = new Channel(uuid, inbound.ChannelName, CallDirection.Inbound, profile, signaling);
        leg.Variables.EnsureCapacity(leg.Variables.Count + (inbound.Variables?.Count ?? 0) + (inbound.TextVariables?.Count ?? 0)
            + Channel.VariablesAddedByACall);
        foreach (var (name, value) in inbound.Variables ?? [])
        {
            leg.Variables.Set(name, value);
        }
        foreach (var (name, value) in inbound.TextVariables ?? [])
        {
            leg.Variables.SetText(name, value);
        }
        var call = new Call(this);
        if (!call.AddLeg(leg))
        {
            call.Post(static _ => ValueTask.CompletedTask);
            return null;
        }
        CallLog.NewInbound(Logger, leg.Name, uuid, inbound.CallerIdNumber, inbound.DestinationNumber);
        call.Post(c => c.AnnounceInboundAsync(leg));
        return uuid;
    }

    /// <summary>Queues work on the mailbox of the call owning the leg; false when there is no such leg.</summary>
    internal bool PostToLeg(string uuid, Func<Call, Channel, ValueTask> action, Action? ifGone = null)
    {
        var owner = Registry.Find(uuid)?.Call;
        return owner is not null && owner.Post(uuid, action, ifGone);
    }

    /// <summary>Runs <paramref name="action"/> on the leg's call mailbox; <paramref name="ifGone"/> when there is no such leg.</summary>
    internal Task<T> OnLegAsync<T>(string uuid, Func<Call, Channel, ValueTask<T>> action, T ifGone)
    {
        var owner = Registry.Find(uuid)?.Call;
        return owner is null ? Task.FromResult(ifGone) : owner.InvokeAsync(uuid, action, ifGone);
    }

    /// <summary>Gives a leg whose call ended while it moved a call of its own.</summary>
    internal void Rehome(Channel leg) => new Call(this).TakeOrphan(leg);

    void ILegEvents.Progress(string uuid, bool earlyMedia, IReadOnlyList<KeyValuePair<string, string>>? variables) =>
        PostToLeg(uuid, (call, leg) => call.OnLegProgressAsync(leg, earlyMedia, variables));

    void ILegEvents.Answered(string uuid, IReadOnlyList<KeyValuePair<string, string>>? variables) =>
        PostToLeg(uuid, (call, leg) => call.OnLegAnsweredAsync(leg, variables));

    void ILegEvents.Ended(string uuid, HangupCause cause, IReadOnlyList<KeyValuePair<string, string>>? variables) =>
        PostToLeg(uuid, (call, leg) => call.HangupAsync(leg, cause, byFarEnd: true, variables));

    bool ILegEvents.Post(string uuid, Func<ValueTask> work) => PostToLeg(uuid, (_, _) => work());

    void ILegEvents.Dtmf(string uuid, char digit, int durationSamples, string source) =>
        PostToLeg(uuid, (call, leg) => call.OnDtmf(leg, digit, durationSamples, source));
}
