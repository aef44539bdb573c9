using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Calls;
using Switch.Calls.Sip;
using Switch.Events;
using Switch.Registrar;
using Switch.Sip.Auth;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;
using Switch.Tests.Calls.Fakes;
using Switch.Tests.Support;

namespace Switch.Tests.Calls.Sip;

/// <summary>
/// The switch's B2BUA on the in-memory network (at 192.0.2.10:5060) with a manual clock, fake media, the
/// default directory (users 1000-1019, domain 192.0.2.10) and an event recorder. Phones on 192.0.2.0/24 are
/// trusted unless the options say otherwise.
/// </summary>
internal sealed class SwitchHarness : IAsyncDisposable
{
    public SwitchHarness(SipCallOptions? options = null, CallEngineOptions? engineOptions = null, IMediaProvider? media = null)
    {
        Clock = new ManualTimeProvider();
        Network = new SipNetwork();
        Bus = new EventBus(EngineHarness.Identity, Clock);
        Events = new EventRecorder(Bus);
        Directory = new UserDirectory(DirectorySnapshot.CreateDefault("192.0.2.10"));
        Locations = new LocationService(new InMemoryBindingStore(), null, Clock, new RegistrationEvents(Bus), NullLogger<LocationService>.Instance);
        Authenticator = new RequestAuthenticator(Directory, new DigestAuthenticator(new DigestOptions(), Clock),
            new BruteForceGuard(new BruteForceOptions(), Clock, NullLogger<BruteForceGuard>.Instance), NullLogger<RequestAuthenticator>.Instance);
        Media = new FakeMediaProvider();
        Options = options ?? new SipCallOptions { TrustedNetworks = [IPNetwork.Parse("192.0.2.0/24")] };
        B2bua = new B2bua(Bus, engineOptions ?? new CallEngineOptions(), Options, media ?? Media, Directory, Locations, Authenticator, Clock,
            NullLoggerFactory.Instance, _ => "192.0.2.10:5060", () => HasController);
        var sink = new Sink();
        var transport = Network.Attach(TestPhone.Switch, sink);
        Layer = new SipTransactionLayer(transport, B2bua.Handler, Clock, new SipTransactionOptions(), NullLogger<SipTransactionLayer>.Instance);
        sink.Layer = Layer;
        B2bua.Attach(Layer);
    }

    public ManualTimeProvider Clock { get; }
    public SipNetwork Network { get; }
    public EventBus Bus { get; }
    public EventRecorder Events { get; }
    public UserDirectory Directory { get; }
    public LocationService Locations { get; }
    public RequestAuthenticator Authenticator { get; }
    public FakeMediaProvider Media { get; }
    public SipCallOptions Options { get; }
    public B2bua B2bua { get; }
    public CallEngine Engine => B2bua.Engine;
    public SipTransactionLayer Layer { get; }
    public bool HasController { get; set; } = true;
    private readonly List<TestPhone> _phones = [];

    public TestPhone Phone(string user, string ip, string? display = null)
    {
        var phone = new TestPhone(Network, user, ip, Clock, display);
        _phones.Add(phone);
        return phone;
    }

    /// <summary>Registers a phone as the registrar would: contact as the phone wrote it, received address as seen.</summary>
    public async Task RegisterAsync(TestPhone phone, string? contactHost = null)
    {
        var contact = $"sip:{phone.User}@{contactHost ?? phone.EndPoint.ToString()}";
        await Locations.PutAsync(new Binding
        {
            User = phone.User,
            Domain = "192.0.2.10",
            ContactUri = contact,
            ContactHeader = "<" + contact + ">",
            ExpiresAt = Clock.GetUtcNow().AddHours(1),
            CallId = SipIdentifiers.NewCallId(),
            CSeq = 1,
            Received = phone.EndPoint,
            Transport = BindingTransport.Udp,
            AuthUser = phone.User,
        });
    }

    /// <summary>
    /// Moves the clock in one-second steps, letting the network deliver between steps (a single jump would fire
    /// retransmission and timeout timers of requests whose responses are still in flight).
    /// </summary>
    /// <summary>
    /// Waits (10 s at most) for the call engine and the B2BUA to have no channel and no leg: both are cleared on
    /// the call's actor just after CHANNEL_DESTROY is published, so a test that saw the event may get there first.
    /// </summary>
    public async Task WaitForNoCallsAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Engine.ChannelCount != 0 || B2bua.LegCount != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"still {Engine.ChannelCount} channel(s) and {B2bua.LegCount} leg(s) after 10 s");
            await Task.Delay(5);
        }
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        var step = TimeSpan.FromSeconds(1);
        while (by > TimeSpan.Zero)
        {
            var next = by < step ? by : step;
            Clock.Advance(next);
            by -= next;
            await Network.IdleAsync();
        }
    }

    /// <summary>The uuid of the inbound channel a phone call created (waits for its park).</summary>
    public async Task<string> ParkedUuidAsync(PhoneCall call)
    {
        var park = await Events.WaitAsync(e => e.Name == "CHANNEL_PARK" && e.GetHeader("variable_sip_call_id") == call.CallId);
        return park.UniqueId!;
    }

    public async ValueTask DisposeAsync()
    {
        await Network.IdleAsync();
        foreach (var phone in _phones)
        {
            phone.Dispose();
        }
        Layer.Dispose();
        Events.Dispose();
        await Network.DisposeAsync();
        await Locations.DisposeAsync();
    }

    private sealed class Sink : ISipMessageSink
    {
        public SipTransactionLayer? Layer { get; set; }

        public void OnMessage(SipMessage message, SipFlow flow) => Layer?.OnMessage(message, flow);

        public void OnInvalidMessage(SipParseError error, SipFlow flow) => Layer?.OnInvalidMessage(error, flow);
    }
}
