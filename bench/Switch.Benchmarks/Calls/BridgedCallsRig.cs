using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Calls;
using Switch.Calls.Sip;
using Switch.Events;
using Switch.Registrar;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Benchmarks.Calls;

/// <summary>
/// The switch's real SIP layers (transaction layer, dialogs, B2BUA, call engine, events) on an in-memory
/// network with a stepped clock, a scripted caller (192.0.2.55, a trusted source: no 407) and one registered
/// callee (user 1001 at 192.0.2.66) that answers at once. A controller's part is played by calling the
/// engine: every parked call is bridged with <c>{bypass_media=true}user/1001</c>.
/// </summary>
internal sealed class BridgedCallsRig : IAsyncDisposable
{
    public const string BridgeTarget = "{bypass_media=true}user/1001";

    private static readonly IPEndPoint SwitchEndPoint = new(IPAddress.Parse("192.0.2.10"), 5060);
    private static readonly IPEndPoint CallerEndPoint = new(IPAddress.Parse("192.0.2.55"), 5060);
    private static readonly IPEndPoint CalleeEndPoint = new(IPAddress.Parse("192.0.2.66"), 5060);
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(5);

    private readonly LocationService _locations;
    private readonly IDisposable? _subscription;
    private long _events;

    public BridgedCallsRig(bool countingSubscriber)
    {
        Clock = new SteppedClock();
        Network = new MemorySipNetwork();
        var bus = new EventBus(new SwitchIdentity(Guid.NewGuid().ToString(), "bench", "bench", "192.0.2.10", "::1"), Clock);
        if (countingSubscriber)
        {
            _subscription = bus.Subscribe(_ => Interlocked.Increment(ref _events));
        }
        var directory = new UserDirectory(DirectorySnapshot.CreateDefault("192.0.2.10"));
        _locations = new LocationService(new InMemoryBindingStore(), null, Clock, new RegistrationEvents(bus), NullLogger<LocationService>.Instance);
        var options = new SipCallOptions { TrustedNetworks = [IPNetwork.Parse("192.0.2.0/24")] };
        B2bua = new B2bua(bus, new CallEngineOptions(), options, new SocketlessMediaProvider(), directory, _locations, null, Clock,
            NullLoggerFactory.Instance, _ => SwitchEndPoint.ToString(), static () => true);
        var sink = new LayerSink();
        Layer = new SipTransactionLayer(Network.Attach(SwitchEndPoint, sink), B2bua.Handler, Clock, new SipTransactionOptions(),
            NullLogger<SipTransactionLayer>.Instance);
        sink.Layer = Layer;
        B2bua.Attach(Layer);
        Caller = new ScriptedCaller(Network, CallerEndPoint, SwitchEndPoint);
        Callee = new ScriptedCallee(Network, CalleeEndPoint);
        Network.AttachNode(CallerEndPoint, Caller);
        Network.AttachNode(CalleeEndPoint, Callee);
    }

    public SteppedClock Clock { get; }
    public MemorySipNetwork Network { get; }
    public B2bua B2bua { get; }
    public CallEngine Engine => B2bua.Engine;
    public SipTransactionLayer Layer { get; }
    public ScriptedCaller Caller { get; }
    public ScriptedCallee Callee { get; }

    /// <summary>Events published (with the counting subscriber).</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Registers user 1001's phone (its binding is the callee endpoint).</summary>
    public async Task RegisterCalleeAsync()
    {
        await _locations.PutAsync(new Binding
        {
            User = "1001",
            Domain = "192.0.2.10",
            ContactUri = $"sip:1001@{CalleeEndPoint}",
            ContactHeader = $"<sip:1001@{CalleeEndPoint}>",
            ExpiresAt = Clock.GetUtcNow().AddDays(1),
            CallId = SipIdentifiers.NewCallId(),
            CSeq = 1,
            Received = CalleeEndPoint,
            Transport = BindingTransport.Udp,
            AuthUser = "1001",
        });
    }

    /// <summary>
    /// Places <paramref name="count"/> calls (INVITEs in batches), waits until every one is parked, then
    /// bridges each (the bridge applications' completions go to <paramref name="bridges"/>) and waits until
    /// every call is answered, acknowledged on both sides and bridged. The a-leg uuids go to <paramref name="uuids"/>.
    /// </summary>
    public async Task SetUpAsync(int count, string[] uuids, Task[] bridges, int batch)
    {
        for (var sent = 0; sent < count;)
        {
            var n = Math.Min(batch, count - sent);
            for (var i = 0; i < n; i++)
            {
                Caller.Call();
            }
            sent += n;
            await WaitAsync(() => Engine.ChannelCount >= sent, $"{sent} channels");
        }
        await WaitAsync(() => CountParked() == count, $"{count} parked calls");
        var found = 0;
        foreach (var channel in Engine.Registry.Snapshot())
        {
            if (channel.Direction == CallDirection.Inbound && found < count)
            {
                uuids[found++] = channel.Uuid;
            }
        }
        if (found != count)
        {
            throw new InvalidOperationException($"found {found} parked inbound channels, expected {count}");
        }
        var answeredBefore = Caller.Answered;
        var ackedBefore = Callee.Acks;
        for (var done = 0; done < count;)
        {
            var n = Math.Min(batch, count - done);
            for (var i = done; i < done + n; i++)
            {
                // New strings per command, as the event socket hands them in (a literal would be shared by every call).
                bridges[i] = Engine.ExecuteApplicationAsync(uuids[i], new string("bridge"), new string(BridgeTarget), null).AsTask();
            }
            done += n;
            await WaitAsync(() => Caller.Answered - answeredBefore >= done && Callee.Acks - ackedBefore >= done, $"{done} answered calls");
        }
        await WaitAsync(() => CountBridged() == 2 * count, $"{count} bridged calls");
        await IdleAsync();
    }

    /// <summary>Moves the clock on in one-second steps (letting the network settle between steps).</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        for (var left = by; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(1))
        {
            Clock.Advance(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            await IdleAsync();
        }
    }

    /// <summary>Hangs up every a-leg (as uuid_kill would), waits for both BYEs per call and every channel gone.</summary>
    public async Task HangUpAsync(string[] uuids, Task[] bridges, int count, int batch)
    {
        var callerByes = Caller.Byes;
        var calleeByes = Callee.Byes;
        for (var done = 0; done < count;)
        {
            var n = Math.Min(batch, count - done);
            var pending = new Task<bool>[n];
            for (var i = 0; i < n; i++)
            {
                pending[i] = Engine.HangupAsync(uuids[done + i], HangupCause.NormalClearing);
            }
            var results = await Task.WhenAll(pending).WaitAsync(PhaseTimeout);
            if (Array.IndexOf(results, false) >= 0)
            {
                throw new InvalidOperationException("a call to hang up was not found");
            }
            done += n;
        }
        await WaitAsync(() => Engine.ChannelCount == 0 && Caller.Byes - callerByes == count && Callee.Byes - calleeByes == count,
            "every channel hung up with a BYE to both phones");
        await Task.WhenAll(bridges.AsSpan(0, count).ToArray()).WaitAsync(PhaseTimeout);
        await IdleAsync();
    }

    public async Task IdleAsync()
    {
        if (!await Network.IdleAsync(PhaseTimeout))
        {
            throw new TimeoutException("the network did not go idle");
        }
    }

    private int CountParked()
    {
        var parked = 0;
        foreach (var channel in Engine.Registry.Snapshot())
        {
            if (channel.Snapshot is { Application: ApplicationNames.Park })
            {
                parked++;
            }
        }
        return parked;
    }

    private int CountBridged()
    {
        var bridged = 0;
        foreach (var channel in Engine.Registry.Snapshot())
        {
            if (channel.Snapshot is { BridgedTo: not null })
            {
                bridged++;
            }
        }
        return bridged;
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + PhaseTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("waited for " + what);
            }
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        Layer.Dispose();
        await Network.DisposeAsync();
        await _locations.DisposeAsync();
    }

    private sealed class LayerSink : ISipMessageSink
    {
        public SipTransactionLayer? Layer { get; set; }

        public void OnMessage(SipMessage message, SipFlow flow) => Layer?.OnMessage(message, flow);

        public void OnInvalidMessage(SipParseError error, SipFlow flow) => Layer?.OnInvalidMessage(error, flow);
    }
}
