using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Tests.Calls.Sip;

/// <summary>
/// An in-memory SIP network: nodes (a transaction layer each) addressed by IP endpoint. Every message is
/// written to bytes and parsed again on delivery, Via received/rport is stamped as a real transport does,
/// and delivery happens in send order on one pump task (never re-entrantly). Keeps a wire trace.
/// </summary>
internal sealed class SipNetwork : IAsyncDisposable
{
    private readonly Channel<(IPEndPoint From, IPEndPoint To, byte[] Bytes)> _queue = Channel.CreateUnbounded<(IPEndPoint, IPEndPoint, byte[])>();
    private readonly ConcurrentDictionary<IPEndPoint, ISipMessageSink> _nodes = new();
    private readonly ConcurrentQueue<WireMessage> _trace = new();
    private readonly Task _pump;
    private int _pending;

    public SipNetwork() => _pump = Task.Run(PumpAsync);

    /// <summary>Messages matching this are lost in transit (still traced, as dropped).</summary>
    public Func<SipMessage, bool>? Drop { get; set; }

    public IReadOnlyList<WireMessage> Trace => _trace.ToArray();

    public ISipTransport Attach(IPEndPoint local, ISipMessageSink sink)
    {
        _nodes[local] = sink;
        return new NodeTransport(this, local);
    }

    /// <summary>Waits (bounded) until nothing is in flight.</summary>
    public async Task IdleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Volatile.Read(ref _pending) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("network did not go idle");
            }
            await Task.Delay(2);
        }
    }

    private void Send(IPEndPoint from, IPEndPoint to, SipMessage message)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite((from, to, message.ToArray()));
    }

    private async Task PumpAsync()
    {
        await foreach (var (from, to, bytes) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                if (!SipMessageParser.TryParse(bytes, out var message, out var error))
                {
                    throw new InvalidOperationException("unparseable message on the wire: " + error);
                }
                var dropped = Drop?.Invoke(message) == true || !_nodes.ContainsKey(to);
                _trace.Enqueue(new WireMessage(from, to, message, dropped));
                if (!dropped && _nodes.TryGetValue(to, out var sink))
                {
                    if (message is SipRequest request)
                    {
                        message = SipViaStamp.Apply(request, from);
                    }
                    sink.OnMessage(message, new SipFlow(SipTransportType.Udp, to, from));
                }
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class NodeTransport(SipNetwork network, IPEndPoint local) : ISipTransport
    {
        public string GetViaSentBy(SipTarget target) => local.ToString();

        public ValueTask SendRequestAsync(SipRequest request, SipTarget target, CancellationToken cancellationToken = default)
        {
            network.Send(local, target.EndPoint, request);
            return ValueTask.CompletedTask;
        }

        public ValueTask SendResponseAsync(SipResponse response, SipFlow requestFlow, CancellationToken cancellationToken = default)
        {
            var to = response.TopVia is { } via && SipViaStamp.ResponseTarget(via) is { } target ? target : requestFlow.Remote;
            network.Send(local, to, response);
            return ValueTask.CompletedTask;
        }

        public ValueTask SendRawAsync(ReadOnlyMemory<byte> bytes, SipTarget target, CancellationToken cancellationToken = default)
        {
            if (SipMessageParser.TryParse(bytes, out var message, out _))
            {
                network.Send(local, target.EndPoint, message);
            }
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>One message seen on the in-memory wire.</summary>
internal sealed record WireMessage(IPEndPoint From, IPEndPoint To, SipMessage Message, bool Dropped)
{
    public override string ToString() => $"{From} -> {To}{(Dropped ? " (dropped)" : "")}: " + (Message is SipRequest r ? r.Method : ((SipResponse)Message).StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
