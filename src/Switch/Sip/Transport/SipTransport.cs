using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switch.Sip.Message;

namespace Switch.Sip.Transport;

/// <summary>
/// UDP and TCP on the same addresses (RFC 3261 §18): one receive loop per UDP socket, one read loop per TCP
/// connection, received/rport stamping (RFC 3581), response routing (§18.2.2), connection reuse and idle closing.
/// </summary>
internal sealed partial class SipTransport : ISipTransport, IAsyncDisposable
{
    private readonly SipTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SipStreamFramer _framer;
    private readonly List<UdpListener> _udp = [];
    private readonly List<Socket> _tcpListeners = [];
    private readonly List<Task> _loops = [];
    private readonly ConcurrentDictionary<long, SipTcpConnection> _connections = new();
    private readonly ConcurrentDictionary<IPEndPoint, SipTcpConnection> _connectionsByRemote = new();
    private readonly ConcurrentDictionary<IPAddress, IPAddress> _localToward = new();
    private readonly CancellationTokenSource _stopping = new();
    private ISipMessageSink? _sink;
    private long _silencedDrops;
    private ITimer? _idleSweep;

    public SipTransport(SipTransportOptions options, TimeProvider time, SipTrace trace, ILogger<SipTransport> logger)
    {
        _options = options;
        _time = time;
        Trace = trace;
        _logger = logger;
        _framer = new SipStreamFramer(options.MaxHeaderBytes, options.MaxBodyBytes);
    }

    public SipTrace Trace { get; }

    /// <summary>The bound endpoints (one per listen address; UDP and TCP share it).</summary>
    public IReadOnlyList<IPEndPoint> LocalEndPoints => _udp.Select(u => u.EndPoint).ToList();

    /// <summary>Datagrams and frames dropped unparsed because their source is silenced (diagnostics).</summary>
    public long SilencedDrops => Interlocked.Read(ref _silencedDrops);

    /// <summary>Open TCP connections (diagnostics).</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Binds UDP and TCP on every endpoint (port 0 picks one free port for both) and starts the loops.</summary>
    public void Start(IEnumerable<IPEndPoint> endPoints, ISipMessageSink sink)
    {
        _sink = sink;
        foreach (var requested in endPoints)
        {
            var (udp, tcp) = BindPair(requested);
            var listener = new UdpListener(udp, (IPEndPoint)udp.LocalEndPoint!);
            _udp.Add(listener);
            _tcpListeners.Add(tcp);
            SipTransportLog.Listening(_logger, "udp+tcp", listener.EndPoint.ToString());
            // Several receive threads per socket: each parses and answers inline, so one thread caps a socket at one core.
            for (var i = 0; i < _options.UdpReceiveLoops; i++)
            {
                _loops.Add(StartUdpReceiver(listener, i));
            }
            _loops.Add(AcceptLoopAsync(tcp));
        }

        var period = _options.TcpIdleTimeout / 4 > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : _options.TcpIdleTimeout / 4;
        _idleSweep = _time.CreateTimer(static s => ((SipTransport)s!).SweepIdle(), this, period, period);
    }

    public async ValueTask StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _idleSweep?.Dispose();
        foreach (var u in _udp)
        {
            u.Socket.Close();
        }

        foreach (var t in _tcpListeners)
        {
            t.Close();
        }

        foreach (var c in _connections.Values)
        {
            c.Close();
        }

        var all = _loops.Concat(_connections.Values.Select(c => c.Completion)).ToArray();
        await Task.WhenAll(all).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    public string GetViaSentBy(SipTarget target)
    {
        var listener = ListenerFor(target.EndPoint.AddressFamily);
        var port = listener.EndPoint.Port;
        string host;
        if (_options.AdvertisedHost is { } advertised)
        {
            host = advertised;
        }
        else if (!listener.EndPoint.Address.Equals(IPAddress.Any) && !listener.EndPoint.Address.Equals(IPAddress.IPv6Any))
        {
            host = listener.EndPoint.Address.ToString();
        }
        else
        {
            host = LocalAddressToward(target.EndPoint.Address).ToString();
        }

        return host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]:" + port : host + ":" + port;
    }

    public ValueTask SendRequestAsync(SipRequest request, SipTarget target, CancellationToken cancellationToken = default) =>
        SendToAsync(WireBytes(request, target.IsReliable), target, null, cancellationToken);

    public ValueTask SendResponseAsync(SipResponse response, SipFlow requestFlow, CancellationToken cancellationToken = default)
    {
        if (requestFlow.Transport == SipTransportType.Tcp)
        {
            var viaTarget = response.TopVia is { } v ? SipViaStamp.ResponseTarget(v, requestFlow.Remote) : null;
            return SendToAsync(WireBytes(response, true), new SipTarget(SipTransportType.Tcp, viaTarget ?? requestFlow.Remote, requestFlow.ConnectionId), requestFlow, cancellationToken);
        }

        var destination = SipViaStamp.UdpDestination(response, requestFlow);
        return SendToAsync(response.Data, new SipTarget(SipTransportType.Udp, destination), requestFlow, cancellationToken);
    }

    public ValueTask SendRawAsync(ReadOnlyMemory<byte> bytes, SipTarget target, CancellationToken cancellationToken = default) =>
        SendToAsync(bytes, target, null, cancellationToken);

    private static ReadOnlyMemory<byte> WireBytes(SipMessage message, bool stream) =>
        stream && message.CountHeaders(SipHeaderId.ContentLength) == 0 ? message.ToArray() : message.Data;

    private ValueTask SendToAsync(ReadOnlyMemory<byte> bytes, SipTarget target, SipFlow? via, CancellationToken cancellationToken)
    {
        if (target.Transport != SipTransportType.Udp)
        {
            return SendTcpAsync(bytes, target, cancellationToken);
        }

        var local = via?.Local ?? target.LocalEndPoint;
        var listener = local is not null ? ListenerFor(local) : ListenerFor(target.EndPoint.AddressFamily);
        var remote = Normalize(target.EndPoint, listener.Socket.AddressFamily);
        Trace.Sent(bytes.Span, SipTransportType.Udp, listener.EndPoint, remote);
        // A datagram send does not wait for the peer: done synchronously, it costs one sendto and no task.
        try
        {
            _ = listener.Socket.SendTo(bytes.Span, SocketFlags.None, SocketAddressOf(remote));
            return ValueTask.CompletedTask;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return ValueTask.FromException(e);
        }
    }

    private async ValueTask SendTcpAsync(ReadOnlyMemory<byte> bytes, SipTarget target, CancellationToken cancellationToken)
    {
        var connection = await GetConnectionAsync(target, cancellationToken);
        Trace.Sent(bytes.Span, SipTransportType.Tcp, connection.Local, connection.Remote);
        await connection.SendAsync(bytes, cancellationToken);
    }

    private UdpListener ListenerFor(AddressFamily family)
    {
        foreach (var u in _udp)
        {
            if (u.Socket.AddressFamily == family)
            {
                return u;
            }
        }

        return _udp.Count > 0 ? _udp[0] : throw new InvalidOperationException("The SIP transport is not started.");
    }

    private UdpListener ListenerFor(IPEndPoint local)
    {
        foreach (var u in _udp)
        {
            if (u.EndPoint.Port == local.Port && (u.EndPoint.Address.Equals(local.Address) || u.EndPoint.Address.Equals(IPAddress.Any) || u.EndPoint.Address.Equals(IPAddress.IPv6Any)))
            {
                return u;
            }
        }

        return ListenerFor(local.AddressFamily);
    }

    /// <summary>
    /// The socket address of <paramref name="endPoint"/>, kept per thread for the peers it sends to (sending with an
    /// EndPoint serializes a new SocketAddress every time). Sends only read it.
    /// </summary>
    private static SocketAddress SocketAddressOf(IPEndPoint endPoint)
    {
        var cache = t_socketAddresses ??= new Dictionary<IPEndPoint, SocketAddress>();
        if (!cache.TryGetValue(endPoint, out var address))
        {
            if (cache.Count >= EndPointCacheLimit)
            {
                cache.Clear();
            }

            address = endPoint.Serialize();
            cache[new IPEndPoint(endPoint.Address, endPoint.Port)] = address;
        }

        return address;
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint, AddressFamily family) =>
        family == AddressFamily.InterNetworkV6 && endPoint.AddressFamily == AddressFamily.InterNetwork
            ? new IPEndPoint(endPoint.Address.MapToIPv6(), endPoint.Port)
            : endPoint;

    private IPAddress LocalAddressToward(IPAddress remote) =>
        _localToward.GetOrAdd(remote, static r =>
        {
            try
            {
                using var probe = new Socket(r.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                probe.Connect(new IPEndPoint(r, 9));
                return ((IPEndPoint)probe.LocalEndPoint!).Address;
            }
            catch (SocketException)
            {
                return r.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
            }
        });

    private (Socket Udp, Socket Tcp) BindPair(IPEndPoint requested)
    {
        for (var attempt = 0; ; attempt++)
        {
            var udp = new Socket(requested.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                if (requested.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    udp.DualMode = false;
                }

                udp.ReceiveBufferSize = _options.UdpSocketBufferBytes;
                udp.ReceiveTimeout = (int)UdpReceivePoll.TotalMilliseconds;
                udp.SendBufferSize = _options.UdpSocketBufferBytes;
                udp.Bind(requested);
                var bound = (IPEndPoint)udp.LocalEndPoint!;
                var tcp = new Socket(requested.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    if (requested.AddressFamily == AddressFamily.InterNetworkV6)
                    {
                        tcp.DualMode = false;
                    }

                    tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    tcp.Bind(new IPEndPoint(requested.Address, bound.Port));
                    tcp.Listen(512);
                    return (udp, tcp);
                }
                catch (SocketException) when (requested.Port == 0 && attempt < 20)
                {
                    tcp.Dispose();
                    udp.Dispose();
                }
            }
            catch
            {
                udp.Dispose();
                throw;
            }
        }
    }

    private sealed record UdpListener(Socket Socket, IPEndPoint EndPoint);
}
