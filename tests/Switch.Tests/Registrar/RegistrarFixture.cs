using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Events;
using Switch.Registrar;
using Switch.Tests.Support;

namespace Switch.Tests.Registrar;

/// <summary>A location service on a manual clock with an event bus whose events are collected.</summary>
internal sealed class RegistrarFixture : IAsyncDisposable
{
    public static readonly SwitchIdentity Identity = new("4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b", "sw1", "sw1", "192.0.2.10", "::1");

    public RegistrarFixture(IBindingStore? durable = null, ManualTimeProvider? time = null)
    {
        Time = time ?? new ManualTimeProvider();
        Bus = new EventBus(Identity, Time);
        Bus.Subscribe(Events.Add);
        Memory = new InMemoryBindingStore();
        RegistrationEvents = new RegistrationEvents(Bus);
        Locations = new LocationService(Memory, durable, Time, RegistrationEvents, NullLogger<LocationService>.Instance);
    }

    public ManualTimeProvider Time { get; }
    public EventBus Bus { get; }
    public List<SwitchEvent> Events { get; } = [];
    public InMemoryBindingStore Memory { get; }
    public RegistrationEvents RegistrationEvents { get; }
    public LocationService Locations { get; }

    public IEnumerable<SwitchEvent> Custom(string subclass) => Events.Where(e => e.Subclass == subclass);

    public Binding Binding(string user = "1000", string contact = "sip:1000@192.0.2.55:5060", int expiresIn = 3600,
        BindingTransport transport = BindingTransport.Udp, bool nat = false, string? display = "Alice") => new()
    {
        User = user,
        Domain = "192.0.2.10",
        ContactUri = contact,
        ContactHeader = $"<{contact}>",
        Display = display,
        ExpiresAt = Time.GetUtcNow().AddSeconds(expiresIn),
        CallId = $"call-{user}@192.0.2.55",
        CSeq = 2,
        UserAgent = "Linphone/5.2",
        Received = new IPEndPoint(IPAddress.Parse(nat ? "203.0.113.9" : "192.0.2.55"), nat ? 40123 : 5060),
        Transport = transport,
        AuthUser = user,
        BehindNat = nat,
    };

    public ValueTask DisposeAsync() => Locations.DisposeAsync();
}
