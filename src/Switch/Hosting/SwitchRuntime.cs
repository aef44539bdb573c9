using System.Net;
using Microsoft.Extensions.Logging;
using Switch.Calls;
using Switch.Commands;
using Switch.Commands.Channels;
using Switch.Commands.Registrations;
using Switch.Commands.System;
using Switch.Events;
using Switch.EventSocket;
using Switch.Registrar;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Hosting;

/// <summary>
/// Every running part of the switch, built from validated options: the event bus, the registrar, the call
/// engine, the SIP stack and the event socket. Start order is the dependency order; disposal is the reverse.
/// Tests start one in-process on port 0.
/// </summary>
internal sealed partial class SwitchRuntime : IAsyncDisposable
{
    private readonly ILogger _log;
    private readonly List<Func<ValueTask>> _stops = [];

    private SwitchRuntime(ILoggerFactory loggers) => _log = loggers.CreateLogger("Switch");

    public required EventBus Bus { get; init; }
    public required SwitchAddresses Addresses { get; init; }
    public required RegistrarComponents Registrar { get; init; }
    public required CallEngine Calls { get; init; }
    public required SipStack Sip { get; init; }
    public required EslServer EventSocket { get; init; }
    public required ApiCommandRegistry Api { get; init; }

    public IPEndPoint? EslEndPoint => EventSocket.LocalEndPoint as IPEndPoint;

    public static async Task<SwitchRuntime> StartAsync(SwitchOptions options, ILoggerFactory loggers, TimeProvider time,
        EslLogForwarder? logForwarder = null, CancellationToken cancellationToken = default)
    {
        NetworkAddress.TryParseEndPoint(options.Sip.Listen, out var sipListen);
        NetworkAddress.TryParseEndPoint(options.EventSocket.Listen, out var eslListen);
        if (!Switch.Media.RtpPortRange.TryParse(options.Rtp.Ports, out var rtpPorts, out var rtpError))
        {
            throw new SwitchConfigurationException([$"Rtp:Ports (--rtp-ports): {rtpError}"]);
        }
        var addresses = SwitchAddresses.Resolve(sipListen!, options.Sip.Domain ?? options.Directory.Domain, options.Sip.ExternalAddress);
        var identity = SwitchIdentity.ForThisHost(addresses.IPv4, addresses.IPv6);
        var bus = new EventBus(identity, time);
        var log = loggers.CreateLogger("Switch");

        var directoryOptions = options.Directory;
        directoryOptions.Aliases = [.. directoryOptions.Aliases ?? [], .. addresses.Aliases];
        if (!DirectorySnapshot.TryCreate(directoryOptions, addresses.Domain, out var snapshot, out var directoryErrors))
        {
            throw new SwitchConfigurationException(directoryErrors);
        }
        var directory = new UserDirectory(snapshot);
        if (directory.IsUsingDefaultPasswords && !IPAddress.IsLoopback(sipListen!.Address))
        {
            HostLog.DefaultPasswords(log, sipListen.ToString());
        }

        var transactionOptions = new SipTransactionOptions
        {
            T1 = TimeSpan.FromMilliseconds(options.Sip.T1Milliseconds),
            T2 = TimeSpan.FromMilliseconds(options.Sip.T2Milliseconds),
            T4 = TimeSpan.FromMilliseconds(options.Sip.T4Milliseconds),
        };
        Directory.CreateDirectory(options.DataDir);
        var registrar = await RegistrarComponents.CreateAsync(options.Registrar, options.Digest, directory, transactionOptions,
            bus, time, loggers, options.DataDir, cancellationToken).ConfigureAwait(false);

        var router = new SipRequestRouter();
        SipStack? sipStack = null;
        EslServer? esl = null;
        var (b2bua, media) = CreateCallSide(options, addresses, sipListen!, bus, registrar, () => sipStack, router, time, loggers, rtpPorts,
            () => esl is not null && (esl.HasListenerFor("CHANNEL_PARK") || esl.HasListenerFor("CHANNEL_CREATE"))
                  || options.EventSocket.Outbound.Count > 0);
        var calls = b2bua.Engine;
        var sip = sipStack = new SipStack(new SipStackOptions
        {
            ListenEndPoints = [sipListen!],
            Transactions = transactionOptions,
            Transport = new SipTransportOptions
            {
                AdvertisedHost = addresses.Advertised,
                ForceRport = true,
                IsSilenced = registrar.Authenticator.Guard.IsSilenced,
            },
            TraceEnabled = options.Sip.Trace,
        }, router, time, loggers);

        b2bua.Attach(sip.Transactions);

        var startedAt = time.GetUtcNow();
        var profile = new SofiaProfile(sip, addresses, calls);
        var channels = new ShowChannels(calls, identity.Hostname);
        var show = new ShowCommand()
            .Add("registrations", new ShowRegistrations(registrar.Locations, identity).Format)
            .Add("channels", channels.FormatChannels)
            .Add("calls", channels.FormatCalls);
        var api = new ApiCommandRegistry(
        [
            .. ChannelCommands.Create(calls, bus, loggers),
            show,
            new StatusCommand(time, startedAt, () => Statistics(calls)),
            new VersionCommand(),
            ValueCommand.CreateUuid(),
            new ValueCommand("hostname", () => identity.Hostname),
            new ValueCommand("switchname", () => identity.Switchname),
            new ToggleCommand("siptrace", "siptrace", on => sip.Trace.Enabled = on, () => sip.Trace.Enabled),
            new SofiaCommand(registrar.Locations, directory, identity, profile),
            new ActionCommand("reloadxml", ct => Reload(options, addresses, directory)),
            new ActionCommand("reload", ct => Reload(options, addresses, directory)),
        ]);

        var bridge = new EventSocketBridge(bus, api, calls);
        esl = new EslServer(new EslServerOptions
        {
            ListenAddress = eslListen!.Address.ToString(),
            Port = eslListen.Port,
            Password = options.EventSocket.Password,
            Acl = options.EventSocket.Acl.Count == 0 ? null : options.EventSocket.Acl,
        }, bridge, bridge, logForwarder, loggers, time);

        var runtime = new SwitchRuntime(loggers)
        {
            Bus = bus, Addresses = addresses, Registrar = registrar, Calls = calls, Sip = sip, EventSocket = esl, Api = api,
        };
        runtime._stops.Add(() => registrar.DisposeAsync());
        runtime._stops.Add(() => media.DisposeAsync());

        try
        {
            await sip.StartAsync(cancellationToken).ConfigureAwait(false);
            runtime._stops.Add(() => sip.DisposeAsync());
            // Stopping hangs up every call first (BYE/CANCEL/final responses), while SIP can still send them.
            runtime._stops.Add(async () => await calls.HangupAllAsync(HangupCause.SystemShutdown).ConfigureAwait(false));
            await esl.StartAsync(cancellationToken).ConfigureAwait(false);
            runtime._stops.Add(() => esl.DisposeAsync());
            if (options.EventSocket.Outbound.Count > 0)
            {
                var outbound = new OutboundDispatcher(options.EventSocket.Outbound, bus, esl, calls, loggers.CreateLogger<OutboundDispatcher>());
                runtime._stops.Add(() =>
                {
                    outbound.Dispose();
                    return ValueTask.CompletedTask;
                });
            }
            HostLog.Ready(log, addresses.Domain, directory.Current.Users.Count);
        }
        catch
        {
            await runtime.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return runtime;
    }

    private static SessionStatistics Statistics(CallEngine calls) =>
        SessionStatistics.Of(calls.Registry.Counts(), 10_000, 1_000);

    private static ValueTask<string> Reload(SwitchOptions options, SwitchAddresses addresses, UserDirectory directory)
    {
        // The directory comes from the configuration the switch was started with; re-reading it keeps every
        // binding and call and picks up nothing else.
        if (!DirectorySnapshot.TryCreate(options.Directory, addresses.Domain, out var snapshot, out var errors))
        {
            return ValueTask.FromResult("-ERR " + string.Join("; ", errors) + "\n");
        }
        directory.Reload(snapshot);
        return ValueTask.FromResult("+OK [Success]\n");
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _stops.Count - 1; i >= 0; i--)
        {
            try
            {
                await _stops[i]().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                HostLog.StopFailed(_log, ex);
            }
        }
        _stops.Clear();
    }
}
