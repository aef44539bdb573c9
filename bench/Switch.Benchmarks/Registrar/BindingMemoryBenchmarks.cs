using System.Globalization;
using System.Net;
using BenchmarkDotNet.Attributes;
using Switch.Registrar;

namespace Switch.Benchmarks.Registrar;

/// <summary>
/// Memory per in-memory binding with 1,000,000 registered phones (printed as BYTES_PER_BINDING during setup)
/// and the cost of the call engine's lookup at that size. Every string is distinct, as parsed from the wire.
/// </summary>
[MemoryDiagnoser]
public class BindingMemoryBenchmarks
{
    private const int Count = 1_000_000;
    private InMemoryBindingStore _store = null!;
    private string[] _users = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _users = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            _users[i] = (100000 + i).ToString(CultureInfo.InvariantCulture);
        }
        var now = DateTimeOffset.UtcNow;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        _store = new InMemoryBindingStore(Count);
        for (var i = 0; i < Count; i++)
        {
            _store.Put(Create(i, now));
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perBinding = (after - before) / (double)Count;
        Console.WriteLine($"BYTES_PER_BINDING: {perBinding:F0} ({(after - before) / (1024.0 * 1024.0):F0} MiB for {Count:N0} bindings)");
    }

    [Benchmark]
    public int Lookup() => _store.Get(_users[_next++ % Count], "192.0.2.10", DateTimeOffset.UtcNow).Count;

    private Binding Create(int i, DateTimeOffset now)
    {
        var user = new string(_users[i]);
        var ip = $"10.{(i >> 16) & 0xFF}.{(i >> 8) & 0xFF}.{i & 0xFF}";
        var uri = $"sip:{user}@{ip}:5060;transport=udp";
        return new Binding
        {
            User = user,
            Domain = "192.0.2.10",
            ContactUri = uri,
            ContactHeader = $"<{uri}>;expires=3600",
            Display = null,
            ExpiresAt = now.AddSeconds(3600 + (i % 600)),
            CallId = $"{Guid.NewGuid():N}@{ip}",
            CSeq = 2,
            UserAgent = $"Yealink SIP-T46S 66.86.0.{i % 10}",
            Received = new IPEndPoint(IPAddress.Parse(ip), 5060),
            Transport = BindingTransport.Udp,
            AuthUser = user,
        };
    }
}
