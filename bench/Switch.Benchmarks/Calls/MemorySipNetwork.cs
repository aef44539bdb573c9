using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Benchmarks.Calls;

/// <summary>
/// An in-memory SIP network for whole-switch measurements, delivering the way <see cref="SipTransport"/> does over
/// UDP: a sender's wire bytes (<see cref="SipMessage.Data"/>, as the transport sends them) are parsed once on delivery
/// with <see cref="SipMessageParser.TryParseReceived"/>, copied as from a receive buffer and a request's top Via
/// stamped with received/rport on the way; one pump delivers in send order, never re-entrantly.
/// </summary>
internal sealed class MemorySipNetwork : IAsyncDisposable
{
    private readonly Channel<(IPEndPoint From, IPEndPoint To, ReadOnlyMemory<byte> Bytes)> _queue =
        Channel.CreateUnbounded<(IPEndPoint, IPEndPoint, ReadOnlyMemory<byte>)>(new UnboundedChannelOptions { SingleReader = true });
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

    /// <summary>Sends a message's wire bytes (a message's bytes never change once made, so no copy is needed).</summary>
    public void Send(IPEndPoint from, IPEndPoint to, SipMessage message) => Send(from, to, message.Data);

    private void Send(IPEndPoint from, IPEndPoint to, ReadOnlyMemory<byte> bytes)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite((from, to, bytes));
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
                // As SipTransport.Deliver from a UDP receive buffer: one parse, one copy, the Via stamped while copying.
                if (_nodes.TryGetValue(to, out var sink)
                    && SipMessageParser.TryParseReceived(bytes, from, forceRport: false, ownsInput: false, out var message, out _))
                {
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
            // The caller may reuse its buffer once this returns; the pump delivers later.
            network.Send(local, target.EndPoint, bytes.ToArray());
            return ValueTask.CompletedTask;
        }
    }
}
