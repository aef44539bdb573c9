using Microsoft.Extensions.Logging;

namespace Switch.Media;

/// <summary>
/// One 20 ms timer (on the injected <see cref="TimeProvider"/>) for the legs that generate or record audio and
/// have no media thread (async receive path: other OSes, <see cref="MediaReceiveMode.Async"/>); legs on an
/// <see cref="EpollMediaLoop"/> are paced by that thread instead. Listeners compute how many frames are due from
/// the timestamp they get, so a late or skipped tick is caught up rather than drifting. Overlapping ticks are skipped.
/// </summary>
internal sealed class MediaClock : IDisposable
{
    public const int FrameMs = 20;
    public const int SamplesPerFrame = 160;
    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(FrameMs);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private IMediaClockListener[] _listeners = [];
    private ITimer? _timer;
    private int _ticking;
    private bool _disposed;

    public MediaClock(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    public TimeProvider Time => _time;

    public int ListenerCount => Volatile.Read(ref _listeners).Length;

    public void Add(IMediaClockListener listener)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Array.IndexOf(_listeners, listener) >= 0)
            {
                return;
            }

            _listeners = [.. _listeners, listener];
            _timer ??= _time.CreateTimer(static state => ((MediaClock)state!).Tick(), this, FrameDuration, FrameDuration);
        }
    }

    public void Remove(IMediaClockListener listener)
    {
        lock (_lock)
        {
            var index = Array.IndexOf(_listeners, listener);
            if (index >= 0)
            {
                _listeners = [.. _listeners.AsSpan(0, index), .. _listeners.AsSpan(index + 1)];
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _listeners = [];
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Tick()
    {
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            var now = _time.GetTimestamp();
            foreach (var listener in Volatile.Read(ref _listeners))
            {
                try
                {
                    listener.OnTick(now);
                }
                catch (Exception e)
                {
                    MediaLog.ClockListenerFailed(_logger, e);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }
}
