using Microsoft.Extensions.Logging;
using Switch.Events;
using Switch.Registrar;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Calls.Sip;

/// <summary>
/// The call engine wired to SIP, as the host builds it: <see cref="Engine"/> (commands, events, show
/// channels) and <see cref="Handler"/> (the transaction layer's seam for INVITE, in-dialog requests, ACK,
/// CANCEL). The SIP stack is created with <see cref="Handler"/> (through the host's dispatcher, which sends
/// REGISTER to the registrar), then handed back with <see cref="Attach"/>.
/// </summary>
internal sealed class B2bua
{
    private readonly SipCallContext _context;

    /// <param name="sentBy">host:port the switch is reached at towards a target (the SIP transport's Via sent-by).</param>
    /// <param name="hasController">True when an ESL client listens for channel events or an outbound socket is configured.</param>
    public B2bua(
        EventBus events,
        CallEngineOptions engineOptions,
        SipCallOptions sipOptions,
        IMediaProvider media,
        UserDirectory directory,
        LocationService locations,
        RequestAuthenticator? authenticator,
        TimeProvider time,
        ILoggerFactory loggers,
        Func<SipTarget, string> sentBy,
        Func<bool> hasController)
    {
        SipCallContext? context = null;
        Engine = new CallEngine(events, legEvents =>
        {
            context = new SipCallContext(legEvents, sipOptions, media, time, loggers.CreateLogger<SipCallHandler>(), sentBy);
            return new SipDialer(context, directory, locations, engineOptions.ProfileName);
        }, engineOptions, time, loggers.CreateLogger<CallEngine>(), hasController);
        _context = context!;
        Handler = new SipCallHandler(_context, Engine, authenticator, directory);
    }

    public CallEngine Engine { get; }

    public SipCallHandler Handler { get; }

    /// <summary>Live SIP legs (diagnostics).</summary>
    public int LegCount => _context.Legs.Count;

    /// <summary>Gives the B2BUA the transaction layer it sends through (the SIP stack's, created with <see cref="Handler"/>).</summary>
    public void Attach(SipTransactionLayer layer) => _context.Attach(layer);
}
