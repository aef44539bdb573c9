using Microsoft.Extensions.Logging;
using Switch.Calls;
using Switch.Events;
using Switch.Registrar;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Hosting;

// Until the SIP call side is wired, INVITEs are declined (501) and dialling fails with SERVICE_NOT_IMPLEMENTED.
internal sealed partial class SwitchRuntime
{
    private static CallEngine CreateCallSide(SwitchOptions options, SwitchAddresses addresses, EventBus bus,
        RegistrarComponents registrar, SipStack sip, SipRequestRouter router, TimeProvider time, ILoggerFactory loggers,
        int rtpFrom, int rtpTo, Func<bool> hasController)
    {
        var engine = new CallEngine(bus, new NoDialer(), new CallEngineOptions { ParkTimeout = TimeSpan.FromSeconds(options.Calls.ParkTimeoutSeconds) },
            time, loggers.CreateLogger<CallEngine>(), hasController);
        router.Attach(registrar.Service, new NoCalls());
        return engine;
    }

    private sealed class NoDialer : ILegDialer
    {
        public ValueTask<DialResolution> ResolveAsync(DialEndpoint endpoint, CancellationToken cancellationToken) =>
            ValueTask.FromResult(DialResolution.Fail(HangupCause.ServiceNotImplemented));
        public ILegSignaling CreateLeg(OutboundLegRequest request) => throw new InvalidOperationException("temporary");
    }

    private sealed class NoCalls : ISipRequestHandler
    {
        public bool OnRequest(SipServerTransaction transaction) => false;
        public void OnAck(SipRequest ack, SipFlow flow) { }
        public void OnCancel(ServerInviteTransaction invite, SipRequest cancel) { }
        public void OnStrayResponse(SipResponse response, SipFlow flow) { }
        public void OnAckTimeout(ServerInviteTransaction invite) { }
    }
}
