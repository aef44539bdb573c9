using Microsoft.Extensions.Logging;
using Switch.Events;
using Switch.Sip.Auth;
using Switch.Sip.Transactions;

namespace Switch.Registrar;

/// <summary>
/// The registrar's parts wired together for the host: the binding store chosen by <see cref="RegistrarOptions.Store"/>
/// (loaded before use), the location service, the authenticator and <see cref="RegistrarService"/>. Dispose at shutdown.
/// </summary>
internal sealed class RegistrarComponents : IAsyncDisposable
{
    private RegistrarComponents(UserDirectory directory, IBindingStore? durable, LocationService locations,
        RequestAuthenticator authenticator, RegistrarService service)
    {
        Directory = directory;
        Durable = durable;
        Locations = locations;
        Authenticator = authenticator;
        Service = service;
    }

    public UserDirectory Directory { get; }

    /// <summary>The SQLite or Redis store, or null for Store=memory.</summary>
    public IBindingStore? Durable { get; }

    public LocationService Locations { get; }

    public RequestAuthenticator Authenticator { get; }

    public RegistrarService Service { get; }

    /// <summary>
    /// Builds and starts the registrar. <paramref name="dataDirectory"/> anchors a relative SQLite path.
    /// Options must have been validated (<see cref="RegistrarOptions.Validate"/>).
    /// </summary>
    public static async Task<RegistrarComponents> CreateAsync(RegistrarOptions options, DigestOptions digest,
        UserDirectory directory, SipTransactionOptions sip, EventBus bus, TimeProvider time, ILoggerFactory loggers,
        string dataDirectory, CancellationToken cancellationToken = default)
    {
        IBindingStore? durable = options.Store switch
        {
            "sqlite" => await SqliteBindingStore.OpenAsync(Path.Combine(dataDirectory, options.SqlitePath), cancellationToken)
                .ConfigureAwait(false),
            "redis" => await RedisBindingStore.ConnectAsync(options.Redis!).ConfigureAwait(false),
            _ => null,
        };
        var events = new RegistrationEvents(bus);
        var locations = new LocationService(new InMemoryBindingStore(), durable, time, events, loggers.CreateLogger<LocationService>());
        try
        {
            await locations.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await locations.DisposeAsync().ConfigureAwait(false);
            if (durable is not null)
            {
                await durable.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
        var guard = new BruteForceGuard(options.BruteForce, time, loggers.CreateLogger<BruteForceGuard>());
        var authenticator = new RequestAuthenticator(directory, new DigestAuthenticator(digest, time), guard,
            loggers.CreateLogger<RequestAuthenticator>());
        var processor = new RegistrationProcessor(authenticator, locations, events, options, loggers.CreateLogger<RegistrationProcessor>());
        var service = new RegistrarService(processor, sip, loggers.CreateLogger<RegistrarService>());
        return new RegistrarComponents(directory, durable, locations, authenticator, service);
    }

    public async ValueTask DisposeAsync()
    {
        await Locations.DisposeAsync().ConfigureAwait(false);
        if (Durable is not null)
        {
            await Durable.DisposeAsync().ConfigureAwait(false);
        }
    }
}
