using System.Globalization;
using System.Text;

namespace Switch.Commands.System;

/// <summary>`status`: uptime and session counters, in FreeSWITCH's layout.</summary>
internal sealed class StatusCommand(TimeProvider time, DateTimeOffset startedAt, Func<SessionStatistics> statistics) : IApiCommand
{
    public string Name => "status";
    public string Syntax => "";

    public ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var s = statistics();
        var sb = new StringBuilder(400);
        sb.Append("UP ").Append(FormatUptime(time.GetUtcNow() - startedAt)).Append('\n');
        sb.Append("Switch (Version ").Append(SwitchVersion.Full).Append(") is ready\n");
        sb.Append(Plural(s.SinceStartup, "session(s)")).Append(" since startup\n");
        sb.Append(CultureInfo.InvariantCulture, $"{s.Current} session(s) - peak {s.Peak}, last 5min {s.PeakLastFiveMinutes} \n");
        sb.Append(CultureInfo.InvariantCulture, $"{s.PerSecond} session(s) per Sec out of max {s.MaxPerSecond}, peak {s.PerSecondPeak}, last 5min {s.PerSecondPeakLastFiveMinutes} \n");
        sb.Append(CultureInfo.InvariantCulture, $"{s.MaxSessions} session(s) max\n");
        sb.Append("min idle cpu 0.00/100.00\n");
        return ValueTask.FromResult(sb.ToString());
    }

    private static string Plural(long n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}");

    /// <summary>"0 years, 0 days, 1 hour, 2 minutes, 3 seconds, 4 milliseconds, 5 microseconds".</summary>
    public static string FormatUptime(TimeSpan up)
    {
        if (up < TimeSpan.Zero)
        {
            up = TimeSpan.Zero;
        }
        var years = up.Days / 365;
        var days = up.Days % 365;
        var micro = (up.Ticks / 10) % 1000;
        return string.Join(", ",
            Unit(years, "year"), Unit(days, "day"), Unit(up.Hours, "hour"), Unit(up.Minutes, "minute"),
            Unit(up.Seconds, "second"), Unit(up.Milliseconds, "millisecond"), Unit(micro, "microsecond"));

        static string Unit(long n, string name) =>
            string.Create(CultureInfo.InvariantCulture, $"{n} {name}{(n == 1 ? "" : "s")}");
    }
}
