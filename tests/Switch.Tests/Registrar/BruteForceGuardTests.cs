using System.Net;
using Microsoft.Extensions.Logging;
using Switch.Registrar;
using Switch.Tests.Support;

namespace Switch.Tests.Registrar;

public sealed class BruteForceGuardTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.66");
    private static readonly IPAddress Phone = IPAddress.Parse("198.51.100.7");
    private readonly ManualTimeProvider _time = new();
    private readonly ListLogger<BruteForceGuard> _log = new();

    private BruteForceGuard Create(int threshold = 5) => new(new BruteForceOptions
    {
        Threshold = threshold,
        Window = TimeSpan.FromSeconds(60),
        BanPeriod = TimeSpan.FromMinutes(10),
    }, _time, _log);

    [Fact]
    public void Reaching_the_threshold_bans_then_403_once_then_silence()
    {
        var guard = Create();
        for (var i = 0; i < 4; i++)
        {
            Assert.False(guard.RecordFailure(Attacker));
            Assert.Equal(BanCheck.Allowed, guard.Check(Attacker));
        }

        Assert.True(guard.RecordFailure(Attacker));

        Assert.Equal(BanCheck.RespondForbidden, guard.Check(Attacker));
        Assert.Equal(BanCheck.Drop, guard.Check(Attacker));
        Assert.Equal(BanCheck.Drop, guard.Check(Attacker));
        Assert.Equal(1, guard.BannedCount);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("203.0.113.66", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_sources_are_unaffected()
    {
        var guard = Create();
        for (var i = 0; i < 5; i++)
        {
            guard.RecordFailure(Attacker);
        }

        Assert.Equal(BanCheck.Allowed, guard.Check(Phone));
        Assert.Equal(BanCheck.Allowed, guard.Check(IPAddress.Parse("203.0.113.67")));
    }

    [Fact]
    public void Failures_outside_the_sliding_window_do_not_count()
    {
        var guard = Create();
        for (var i = 0; i < 4; i++)
        {
            guard.RecordFailure(Attacker);
            _time.Advance(TimeSpan.FromSeconds(20));
        }
        // Failures at 0, 20, 40 and 60 s; at 80 s only those at 40 and 60 s are still within the window.
        Assert.False(guard.RecordFailure(Attacker));
        Assert.Equal(BanCheck.Allowed, guard.Check(Attacker));

        Assert.False(guard.RecordFailure(Attacker));
        Assert.True(guard.RecordFailure(Attacker));
    }

    [Fact]
    public void The_ban_lifts_after_the_ban_period()
    {
        var guard = Create();
        for (var i = 0; i < 5; i++)
        {
            guard.RecordFailure(Attacker);
        }

        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.NotEqual(BanCheck.Allowed, guard.Check(Attacker));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(BanCheck.Allowed, guard.Check(Attacker));
        Assert.Equal(0, guard.BannedCount);
        // The count starts afresh.
        Assert.False(guard.RecordFailure(Attacker));
    }

    [Fact]
    public void A_told_source_is_silenced_until_its_ban_lifts_and_others_never_are()
    {
        var guard = Create();
        var other = IPAddress.Parse("198.51.100.77");
        Assert.False(guard.IsSilenced(Attacker));
        for (var i = 0; i < 5; i++)
        {
            guard.RecordFailure(Attacker);
        }
        Assert.False(guard.IsSilenced(Attacker)); // not told yet: the next request gets its 403
        Assert.Equal(BanCheck.RespondForbidden, guard.Check(Attacker));
        Assert.True(guard.IsSilenced(Attacker));
        Assert.False(guard.IsSilenced(other));
        Assert.Equal(BanCheck.Allowed, guard.Check(other));

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(guard.IsSilenced(Attacker));
        Assert.Equal(BanCheck.Allowed, guard.Check(Attacker));
        Assert.Equal(0, guard.BannedCount);
    }

    [Fact]
    public void Threshold_zero_disables_the_guard()
    {
        var guard = Create(threshold: 0);
        for (var i = 0; i < 100; i++)
        {
            Assert.False(guard.RecordFailure(Attacker));
        }
        Assert.Equal(BanCheck.Allowed, guard.Check(Attacker));
    }

    [Fact]
    public void Tracking_many_sources_stays_bounded_and_keeps_bans()
    {
        var guard = new BruteForceGuard(new BruteForceOptions { Threshold = 3, MaxTrackedSources = 100 }, _time, _log);
        for (var i = 0; i < 3; i++)
        {
            guard.RecordFailure(Attacker);
        }
        for (var i = 0; i < 5000; i++)
        {
            guard.RecordFailure(new IPAddress(0x0A000000u + (uint)i));
        }

        Assert.Equal(BanCheck.RespondForbidden, guard.Check(Attacker));
    }
}
