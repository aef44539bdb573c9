using BenchmarkDotNet.Running;
using Switch.Benchmarks.Calls;

namespace Switch.Benchmarks;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "calls-memory")
        {
            return await ConcurrentCallsMemory.RunAsync(args[1..]);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
