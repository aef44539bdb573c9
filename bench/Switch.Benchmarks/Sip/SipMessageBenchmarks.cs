using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Switch.Sip.Message;
using Switch.Tests.Sip.Message;

namespace Switch.Benchmarks.Sip;

/// <summary>Parse and write of the INVITE and REGISTER from the seed FreeSWITCH capture (000_78eaa5ae81781700.txt).</summary>
[MemoryDiagnoser]
public class SipMessageBenchmarks
{
    private readonly byte[] _invite = Encoding.ASCII.GetBytes(SeedMessages.Invite);
    private readonly byte[] _register = Encoding.ASCII.GetBytes(SeedMessages.Register);
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private SipMessage _parsedInvite = null!;
    private SipRequest _parsedRegister = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!SipMessageParser.TryParse(_invite, out var invite, out var error)
            || !SipMessageParser.TryParseRequest(_register, out var register, out error))
        {
            throw new InvalidOperationException(error.ToString());
        }

        _parsedInvite = invite;
        _parsedRegister = register;
    }

    [Benchmark]
    public object? ParseInvite()
    {
        _ = SipMessageParser.TryParse(_invite, out var message, out _);
        return message;
    }

    [Benchmark]
    public object? ParseRegister()
    {
        _ = SipMessageParser.TryParse(_register, out var message, out _);
        return message;
    }

    [Benchmark]
    public int WriteInvite()
    {
        _output.ResetWrittenCount();
        _parsedInvite.Write(_output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int WriteRegister()
    {
        _output.ResetWrittenCount();
        _parsedRegister.Write(_output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public object CreateResponse() => SipResponse.CreateFor(_parsedRegister, 401, toTag: "va161eH7mmgNc");
}
