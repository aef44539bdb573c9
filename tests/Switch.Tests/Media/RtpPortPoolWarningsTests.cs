using System.Net;
using System.Net.Sockets;
using Switch.Media;

namespace Switch.Tests.Media;

public sealed class RtpPortPoolWarningsTests
{
    [Fact]
    public void One_line_per_kind_per_interval_counts_what_was_suppressed_and_the_totals_count_everything()
    {
        var clock = new ManualTimeProvider();
        var logs = new ListLoggerFactory();
        var warnings = new RtpPortPoolWarnings(logs.CreateLogger("test"), clock, TimeSpan.FromSeconds(10));
        var pool = new RtpPortPool(new RtpPortRange(10000, 10009), clock, TimeSpan.FromSeconds(5));
        var inUse = new SocketException((int)SocketError.AddressAlreadyInUse);

        for (var i = 0; i < 7; i++)
        {
            warnings.BindFailed(pool, IPAddress.Loopback, 10000 + (2 * (i % 5)), inUse);
            warnings.Exhausted(pool);
        }
        clock.Advance(TimeSpan.FromSeconds(9));
        warnings.BindFailed(pool, IPAddress.Loopback, 10002, inUse);
        Assert.Equal(2, logs.Entries.Count);

        clock.Advance(TimeSpan.FromSeconds(1));
        warnings.BindFailed(pool, IPAddress.Loopback, 10004, inUse);
        warnings.Exhausted(pool);

        var lines = logs.Entries.Select(e => e.Message).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.Contains("failed binds since the last report: 1;", lines[0], StringComparison.Ordinal);
        Assert.Contains("legs refused since the last report: 1", lines[1], StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:10004 (AddressAlreadyInUse); failed binds since the last report: 8;", lines[2], StringComparison.Ordinal);
        Assert.Contains("legs refused since the last report: 7", lines[3], StringComparison.Ordinal);
        Assert.Equal((9L, 8L), (warnings.BindFailuresTotal, warnings.RefusedTotal));
    }
}
