using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Calls.Sip;

/// <summary>What every SIP leg of the B2BUA shares: the transaction layer, the engine's leg events, options, media, clock.</summary>
internal sealed class SipCallContext(
    ILegEvents events,
    SipCallOptions options,
    IMediaProvider media,
    TimeProvider time,
    ILogger logger,
    Func<SipTarget, string> sentBy)
{
    /// <summary>Slots of <see cref="ShareTarget"/>; a power of two.</summary>
    internal const int TargetSlots = 1024;

    private readonly ConcurrentDictionary<(string SentBy, bool Tcp), string> _contacts = new();
    private readonly SharedSlots<SipTarget> _targets = new(TargetSlots);
    private SipTransactionLayer? _layer;

    /// <summary>The transaction layer; attached once the SIP stack exists (it needs the handler first).</summary>
    public SipTransactionLayer Layer => _layer ?? throw new InvalidOperationException("No transaction layer attached.");

    public ILegEvents Events { get; } = events;
    public SipCallOptions Options { get; } = options;
    public IMediaProvider Media { get; } = media;
    public TimeProvider Time { get; } = time;
    public ILogger Logger { get; } = logger;
    public SipLegRegistry Legs { get; } = new();

    /// <summary>Header values that repeat across calls, kept once (domain, User-Agent).</summary>
    public SharedValues Shared { get; } = new();

    /// <summary>host:port the switch is reached at over the transport used towards <paramref name="target"/>.</summary>
    public string SentBy(SipTarget target) => sentBy(target);

    public void Attach(SipTransactionLayer layer) => _layer = layer;

    /// <summary>
    /// The target equal to <paramref name="target"/> that an earlier leg already keeps (every call to the same
    /// binding goes to the same place), else <paramref name="target"/>, which takes that place's slot. A fixed
    /// table of slots by hash: bounded, and it follows the bindings as they change.
    /// </summary>
    public SipTarget ShareTarget(SipTarget target) => _targets.Share(target);

    /// <summary>
    /// The Contact of the switch's own requests (FreeSWITCH's <c>&lt;sip:mod_sofia@host:port&gt;</c>): the same for every
    /// b-leg sent the same way, so one string each, kept by every dialog that uses it.
    /// </summary>
    public string SwitchContact(string sentBy, bool tcp) =>
        _contacts.GetOrAdd((sentBy, tcp), static key => $"<sip:mod_sofia@{key.SentBy}" + (key.Tcp ? ";transport=tcp>" : ">"));
}
