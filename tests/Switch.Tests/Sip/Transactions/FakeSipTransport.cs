using System.Net;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Tests.Sip.Transactions;

/// <summary>Records every send with the fake clock's time.</summary>
internal sealed class FakeSipTransport(ManualTimeProvider time) : ISipTransport
{
    private readonly object _gate = new();
    private readonly List<(TimeSpan At, SipMessage Message, string To)> _sent = [];

    public bool FailSends { get; set; }

    public IReadOnlyList<(TimeSpan At, SipMessage Message, string To)> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public List<byte[]> Raw { get; } = [];

    public IEnumerable<SipResponse> Responses => Sent.Select(s => s.Message).OfType<SipResponse>();

    public IEnumerable<SipRequest> Requests => Sent.Select(s => s.Message).OfType<SipRequest>();

    public string GetViaSentBy(SipTarget target) => "192.0.2.1:5060";

    public ValueTask SendRequestAsync(SipRequest request, SipTarget target, CancellationToken cancellationToken = default)
    {
        if (FailSends)
        {
            throw new IOException("unreachable");
        }

        Record(request, target.ToString());
        return ValueTask.CompletedTask;
    }

    public ValueTask SendResponseAsync(SipResponse response, SipFlow requestFlow, CancellationToken cancellationToken = default)
    {
        Record(response, requestFlow.ToString());
        return ValueTask.CompletedTask;
    }

    public ValueTask SendRawAsync(ReadOnlyMemory<byte> bytes, SipTarget target, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Raw.Add(bytes.ToArray());
        }

        return ValueTask.CompletedTask;
    }

    public static SipFlow Flow(SipTransportType transport = SipTransportType.Udp) =>
        new(transport, new IPEndPoint(IPAddress.Loopback, 5060), new IPEndPoint(IPAddress.Parse("192.0.2.9"), 5062), transport == SipTransportType.Tcp ? 7 : 0);

    private void Record(SipMessage message, string to)
    {
        lock (_gate)
        {
            _sent.Add((time.Elapsed, message, to));
        }
    }
}
