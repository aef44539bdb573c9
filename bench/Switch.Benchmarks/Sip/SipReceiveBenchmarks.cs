using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Switch.Sip.Message;
using Switch.Sip.Transport;
using Switch.Tests.Sip.Message;

namespace Switch.Benchmarks.Sip;

/// <summary>
/// A received REGISTER (the seed capture's, from behind a NAT with rport) made into the message the transaction
/// layer gets: <see cref="ParseReceived"/> is the transport's way (parse in the receive buffer, one copy with the
/// top Via stamped), <see cref="CopyParseStamp"/> the two-step way it replaced (copy, parse, stamp and parse again).
/// </summary>
[MemoryDiagnoser]
public class SipReceiveBenchmarks
{
    private readonly byte[] _buffer = new byte[65535];
    private readonly IPEndPoint _source = new(IPAddress.Parse("203.0.113.9"), 40000);
    private int _length;

    [GlobalSetup]
    public void Setup() => _length = Encoding.ASCII.GetBytes(SeedMessages.Register, _buffer);

    [Benchmark(Baseline = true)]
    public object CopyParseStamp()
    {
        _ = SipMessageParser.TryParse(_buffer.AsSpan(0, _length).ToArray(), out var message, out _);
        return SipViaStamp.Apply((SipRequest)message!, _source);
    }

    [Benchmark]
    public object? ParseReceived()
    {
        _ = SipMessageParser.TryParseReceived(_buffer.AsMemory(0, _length), _source, false, ownsInput: false, out var message, out _);
        return message;
    }
}
