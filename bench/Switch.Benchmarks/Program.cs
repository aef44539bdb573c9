using BenchmarkDotNet.Running;
using Switch.Benchmarks.Calls;
using Switch.Benchmarks.Media;

namespace Switch.Benchmarks;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["calls-memory", .. var rest]:
                return await ConcurrentCallsMemory.RunAsync(rest);
            case ["alloc-profile", .. var rest]:
                return await Profiling.AllocationProfile.RunAsync(rest);
            case ["relay-load", .. var rest]:
                return await RelayLoad.RunAsync(rest);
            case ["relay-phones", .. var rest]:
                return await RelayPhones.RunAsync(rest);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
