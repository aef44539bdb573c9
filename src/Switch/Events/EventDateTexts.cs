using System.Globalization;

namespace Switch.Events;

/// <summary>
/// The Event-Date-Local, Event-Date-GMT and Event-Date-Timestamp texts of the newest event: the two dates change
/// once a second and the timestamp once a microsecond, so events published together share them instead of each
/// formatting its own. Not thread-safe: the bus updates it under its publish lock.
/// </summary>
internal sealed class EventDateTexts(TimeProvider time)
{
    private long _second = long.MinValue;
    private long _micros = long.MinValue;
    private TimeZoneInfo? _zone;

    /// <summary>"yyyy-MM-dd HH:mm:ss" in the switch's local time zone.</summary>
    public string Local { get; private set; } = "";

    /// <summary>"ddd, dd MMM yyyy HH:mm:ss GMT".</summary>
    public string Gmt { get; private set; } = "";

    /// <summary>Microseconds since the Unix epoch.</summary>
    public string Timestamp { get; private set; } = "";

    public void Update(DateTimeOffset now)
    {
        var micros = EventBus.ToMicroseconds(now);
        var zone = time.LocalTimeZone;
        if (micros == _micros && ReferenceEquals(zone, _zone))
        {
            return;
        }
        if (micros != _micros)
        {
            _micros = micros;
            Timestamp = micros.ToString(CultureInfo.InvariantCulture);
        }
        var second = now.UtcTicks / TimeSpan.TicksPerSecond;
        if (second == _second && ReferenceEquals(zone, _zone))
        {
            return;
        }
        _second = second;
        _zone = zone;
        var local = zone == TimeZoneInfo.Utc ? now : TimeZoneInfo.ConvertTime(now, zone);
        Local = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        Gmt = now.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);
    }
}
