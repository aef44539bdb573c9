using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Benchmarks.Calls;

/// <summary>
/// An in-memory SIP network for whole-switch measurements: every message is written to bytes and parsed
/// again on delivery (so the switch holds messages exactly as a socket would give them), requests get their
/// Via stamped with received/rport, and one pump delivers in send order, never re-entrantly.
/// </summary>
internal sealed class MemorySipNetwork : IAsyncDisposable
{
    private readonly Channel<(IPEndPoint From, IPEndPoint To, byte[] Bytes)> _queue =
        Channel.CreateUnbounded<(IPEndPoint, IPEndPoint, byte[])>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<IPEndPoint, ISipMessageSink> _nodes = new();
    private readonly Task _pump;
    private long _pending;
    private long _delivered;

    public MemorySipNetwork() => _pump = Task.Run(PumpAsync);

    /// <summary>Messages delivered so far.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>The switch's transport at <paramref name="local"/>, delivering what it receives to <paramref name="sink"/>.</summary>
    public ISipTransport Attach(IPEndPoint local, ISipMessageSink sink)
    {
        _nodes[local] = sink;
        return new NodeTransport(this, local);
    }

    /// <summary>A scripted node that is not a transaction layer (a phone).</summary>
    public void AttachNode(IPEndPoint local, ISipMessageSink sink) => _nodes[local] = sink;

    public void Send(IPEndPoint from, IPEndPoint to, SipMessage message)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite((from, to, message.ToArray()));
    }

    /// <summary>Waits until nothing is in flight, or the deadline passes (false).</summary>
    public async Task<bool> IdleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref _pending) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(5);
        }
        return true;
    }

    private async Task PumpAsync()
    {
        await foreach (var (from, to, bytes) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                if (_nodes.TryGetValue(to, out var sink) && SipMessageParser.TryParse(bytes, out var message, out _))
                {
                    if (message is SipRequest request)
                    {
                        message = SipViaStamp.Apply(request, from);
                    }
                    sink.OnMessage(message, new SipFlow(SipTransportType.Udp, to, from));
                    Interlocked.Increment(ref _delivered);
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
        await _pump.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class NodeTransport(MemorySipNetwork network, IPEndPoint local) : ISipTransport
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
