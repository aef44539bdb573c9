using BenchmarkDotNet.Attributes;
using Switch.Media;

namespace Switch.Benchmarks.Media;

/// <summary>Per-packet RTP work: header parse, header write, in-place rewrite.</summary>
[MemoryDiagnoser]
public class RtpBenchmarks
{
    private readonly byte[] _packet = new byte[172];

    [GlobalSetup]
    public void Setup() => RtpHeader.WriteFixed(_packet, true, 0, 1234, 160_000, 0xCAFEBABE);

    [Benchmark]
    public int Parse() => RtpHeader.TryParse(_packet, out var header, out _) ? header.PayloadLength + header.SequenceNumber : 0;

    [Benchmark]
    public int Write() => RtpHeader.WriteFixed(_packet, false, 8, 1235, 160_160, 0xCAFEBABE);

    [Benchmark]
    public byte Rewrite()
    {
        RtpHeader.Rewrite(_packet, false, 0, 1236, 160_320, 0xCAFEBABE);
        return _packet[1];
    }
}
