using System.Buffers;
using BenchmarkDotNet.Attributes;
using Switch.EventSocket;

namespace Switch.Benchmarks.EventSocket;

/// <summary>Cost of serializing one ~1 KB channel event (a fresh event each time, so nothing is cached).</summary>
[MemoryDiagnoser]
public class EslSerializationBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private IReadOnlyList<KeyValuePair<string, string>> _headers = [];
    private byte[] _plainFrame = [];

    [GlobalSetup]
    public void Setup()
    {
        var evt = BenchEvents.ChannelState(1);
        _headers = evt.Headers;
        _plainFrame = evt.GetFrame(EslEventFormat.Plain).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int PlainFrame() => new EslEvent(_headers).GetFrame(EslEventFormat.Plain).Length;

    [Benchmark]
    public int JsonFrame() => new EslEvent(_headers).GetFrame(EslEventFormat.Json).Length;

    [Benchmark]
    public int XmlFrame() => new EslEvent(_headers).GetFrame(EslEventFormat.Xml).Length;

    [Benchmark]
    public int PlainInto()
    {
        _buffer.ResetWrittenCount();
        EslEventSerializer.WritePlain(new EslEvent(_headers), _buffer);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int ParsePlainFrame()
    {
        EslMessageReader.TryRead(new ReadOnlySequence<byte>(_plainFrame), EslFramingLimits.Client, out var message, out _);
        message!.TryGetEvent(out var evt);
        return evt!.Headers.Count;
    }
}
