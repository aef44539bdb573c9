using BenchmarkDotNet.Attributes;
using Switch.Calls;

namespace Switch.Benchmarks.Calls;

/// <summary>Parsing the dial strings controllers send with bridge and originate.</summary>
[MemoryDiagnoser]
public class DialStringBenchmarks
{
    [Params("user/1001",
        "{origination_uuid='2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f',origination_caller_id_number=1000,call_timeout=30}user/1001,user/1002|sofia/internal/sip:1003@192.0.2.7:5060")]
    public string Text { get; set; } = "";

    [Benchmark]
    public bool Parse() => DialStringParser.TryParse(Text, out _, out _);
}
