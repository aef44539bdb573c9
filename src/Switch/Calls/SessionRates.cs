namespace Switch.Calls;

/// <summary>
/// Sessions per second and five-minute peaks, as FreeSWITCH's <c>status</c> reports them: a ring of 300
/// one-second buckets on the <see cref="TimeProvider"/>'s monotonic timestamp, each holding how many sessions
/// were created in that second and the most that were alive at once during it. Updated once per channel
/// created or destroyed under a small lock (never per packet).
/// </summary>
internal sealed class SessionRates(TimeProvider time)
{
    /// <summary>The window of the "last 5min" figures, in seconds.</summary>
    public const int WindowSeconds = 300;

    private readonly Lock _lock = new();
    private readonly long[] _second = CreateEmpty();
    private readonly int[] _created = new int[WindowSeconds];
    private readonly int[] _level = new int[WindowSeconds];
    private int _peakPerSecond;

    /// <summary>A session was created; <paramref name="aliveAfter"/> sessions are alive now.</summary>
    public void OnCreated(int aliveAfter)
    {
        lock (_lock)
        {
            var bucket = Bucket(Now());
            var created = ++_created[bucket];
            _level[bucket] = Math.Max(_level[bucket], aliveAfter);
            _peakPerSecond = Math.Max(_peakPerSecond, created);
        }
    }

    /// <summary>A session ended; <paramref name="aliveBefore"/> were alive until now (the level this second reached).</summary>
    public void OnDestroyed(int aliveBefore)
    {
        lock (_lock)
        {
            var bucket = Bucket(Now());
            _level[bucket] = Math.Max(_level[bucket], aliveBefore);
        }
    }

    /// <summary>
    /// The rates now, with <paramref name="alive"/> sessions alive: sessions created in the last complete second,
    /// the most created in any second (ever and in the last 5 minutes), and the most alive at once in the last
    /// 5 minutes (never less than <paramref name="alive"/>: a level reached earlier and still held counts).
    /// </summary>
    public (int PerSecond, int PerSecondPeak, int PerSecondPeakFiveMinutes, int PeakFiveMinutes) Read(int alive)
    {
        var now = Now();
        lock (_lock)
        {
            var last = IndexOf(now - 1);
            var perSecond = _second[last] == now - 1 ? _created[last] : 0;
            var peakRate = 0;
            var peakLevel = alive;
            for (var i = 0; i < WindowSeconds; i++)
            {
                if (_second[i] > now - WindowSeconds && _second[i] <= now)
                {
                    peakRate = Math.Max(peakRate, _created[i]);
                    peakLevel = Math.Max(peakLevel, _level[i]);
                }
            }
            return (perSecond, _peakPerSecond, peakRate, peakLevel);
        }
    }

    private long Now() => time.GetTimestamp() / time.TimestampFrequency;

    /// <summary>The bucket of <paramref name="second"/>, emptied first when it still holds an older second.</summary>
    private int Bucket(long second)
    {
        var index = IndexOf(second);
        if (_second[index] != second)
        {
            _second[index] = second;
            _created[index] = 0;
            _level[index] = 0;
        }
        return index;
    }

    private static int IndexOf(long second) => (int)(((second % WindowSeconds) + WindowSeconds) % WindowSeconds);

    private static long[] CreateEmpty()
    {
        var seconds = new long[WindowSeconds];
        Array.Fill(seconds, long.MinValue);
        return seconds;
    }
}
