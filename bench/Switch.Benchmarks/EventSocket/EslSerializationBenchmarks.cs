using System.Buffers;
using BenchmarkDotNet.Attributes;
using Switch.EventSocket;

namespace Switch.Benchmarks.EventSocket;

/// <summary>
/// Cost of serializing one ~1 KB channel event (a fresh event each time, so nothing is cached), of parsing one,
/// and of keeping one in the resume journal.
/// </summary>
[MemoryDiagnoser]
public class EslSerializationBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private IReadOnlyList<KeyValuePair<string, string>> _headers = [];
    private byte[] _plainFrame = [];
    private EslJournal _journal = null!;
    private EslEvent _event = null!;

    [GlobalSetup]
    public void Setup()
    {
        var evt = BenchEvents.ChannelState(1);
        _headers = evt.Headers;
        _plainFrame = evt.GetFrame(EslEventFormat.Plain).ToArray();
        _journal = new EslJournal(10_000);
        _event = evt;
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

    /// <summary>Keeping one event for <c>event resume</c> (the default journal: 10,000 events, 32 MiB).</summary>
    [Benchmark]
    public int JournalAdd()
    {
        _journal.Add(_event);
        return _journal.Count;
    }

    [Benchmark]
    public int ParsePlainFrame()
    {
        EslMessageReader.TryRead(new ReadOnlySequence<byte>(_plainFrame), EslFramingLimits.Client, out var message, out _);
        message!.TryGetEvent(out var evt);
        return evt!.Headers.Count;
    }
}
