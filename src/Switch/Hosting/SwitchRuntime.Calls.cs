using System.Net;
using Microsoft.Extensions.Logging;
using Switch.Calls;
using Switch.Calls.Sip;
using Switch.Events;
using Switch.Media;
using Switch.Registrar;
using Switch.Sip.Transport;

namespace Switch.Hosting;

internal sealed partial class SwitchRuntime
{
    /// <summary>The call side: media engine, the B2BUA (call engine + its SIP handler), attached to the router.</summary>
    private static (B2bua B2bua, MediaEngine Media) CreateCallSide(SwitchOptions options, SwitchAddresses addresses,
        IPEndPoint sipListen, EventBus bus, RegistrarComponents registrar, Func<SipStack?> sip, SipRequestRouter router,
        TimeProvider time, ILoggerFactory loggers, RtpPortRange ports, Func<bool> hasController)
    {
        var wildcard = sipListen.Address.Equals(IPAddress.Any) || sipListen.Address.Equals(IPAddress.IPv6Any);
        var media = new MediaEngine(new MediaOptions
        {
            BindAddress = wildcard ? IPAddress.Any : sipListen.Address,
            AdvertisedAddress = IPAddress.TryParse(addresses.Advertised, out var advertised) ? advertised : null,
            Ports = ports,
            RealtimePriority = options.Media.RealtimePriority,
        }, time, loggers, mediaThreads: options.Media.Threads);

        var trusted = new List<IPNetwork>();
        foreach (var cidr in options.Sip.TrustedNetworks)
        {
            if (NetworkAddress.TryParseNetwork(cidr, out var network))
            {
                trusted.Add(network.Value);
            }
        }
        var b2bua = new B2bua(bus,
            new CallEngineOptions { ParkTimeout = TimeSpan.FromSeconds(options.Calls.ParkTimeoutSeconds) },
            new SipCallOptions { TrustedNetworks = trusted },
            new AnchoredMediaProvider(media),
            registrar.Directory, registrar.Locations, registrar.Authenticator, time, loggers,
            target => sip()?.Transport.GetViaSentBy(target) ?? addresses.Advertised,
            hasController);
        router.Attach(registrar.Service, b2bua.Handler);
        return (b2bua, media);
    }
}
