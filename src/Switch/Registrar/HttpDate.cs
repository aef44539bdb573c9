using System.Globalization;

namespace Switch.Registrar;

/// <summary>
/// The Date header value (RFC 1123 form, GMT) of a 200 OK, formatted once per second: every registration
/// answered within the same second shares the string.
/// </summary>
internal static class HttpDate
{
    private static Entry? _last;

    public static string Format(DateTimeOffset now)
    {
        var second = now.UtcTicks / TimeSpan.TicksPerSecond;
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Second == second)
        {
            return last.Text;
        }
        var text = now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        Volatile.Write(ref _last, new Entry(second, text));
        return text;
    }

    private sealed record Entry(long Second, string Text);
}
