namespace Switch.Media;

/// <summary>
/// Turns a stream of RFC 4733 packets into exactly one <see cref="DtmfDigit"/> per key press: an event is
/// identified by its RTP timestamp; it is reported on its first end packet (the two redundant repeats and any
/// late or reordered packet of it are ignored), or when a newer event starts or the stream goes quiet without
/// an end packet having arrived. Not thread-safe: one receive loop feeds it.
/// </summary>
internal sealed class TelephoneEventReceiver
{
    private const int RecentCapacity = 8;

    private readonly Action<DtmfDigit> _onDigit;
    private readonly uint[] _recent = new uint[RecentCapacity];
    private int _recentCount;
    private int _recentNext;
    private bool _active;
    private uint _activeTimestamp;
    private byte _activeEvent;
    private int _activeDuration;
    private long _activeUpdatedAt;

    public TelephoneEventReceiver(Action<DtmfDigit> onDigit) => _onDigit = onDigit;

    /// <summary>Feeds one telephone-event packet (RTP timestamp + payload); <paramref name="now"/> is a TimeProvider timestamp.</summary>
    public void Process(uint timestamp, ReadOnlySpan<byte> payload, long now)
    {
        if (!TelephoneEvent.TryParse(payload, out var telephoneEvent) || IsRecent(timestamp))
        {
            return;
        }

        if (_active && timestamp != _activeTimestamp)
        {
            if ((int)(timestamp - _activeTimestamp) < 0)
            {
                return;
            }

            Complete();
        }

        if (!_active)
        {
            _active = true;
            _activeTimestamp = timestamp;
            _activeEvent = telephoneEvent.Event;
            _activeDuration = 0;
        }

        _activeDuration = Math.Max(_activeDuration, telephoneEvent.Duration);
        _activeUpdatedAt = now;
        if (telephoneEvent.End)
        {
            Complete();
        }
    }

    /// <summary>Reports an event whose end packets were all lost once nothing was heard for <paramref name="quiet"/>.</summary>
    public void CheckTimeout(long now, long quiet)
    {
        if (_active && now - _activeUpdatedAt >= quiet)
        {
            Complete();
        }
    }

    public bool IsEventActive => _active;

    private void Complete()
    {
        _active = false;
        _recent[_recentNext] = _activeTimestamp;
        _recentNext = (_recentNext + 1) % RecentCapacity;
        _recentCount = Math.Min(_recentCount + 1, RecentCapacity);
        if (TelephoneEvent.ToDigit(_activeEvent) is { } digit)
        {
            _onDigit(new DtmfDigit(digit, _activeDuration));
        }
    }

    private bool IsRecent(uint timestamp)
    {
        for (var i = 0; i < _recentCount; i++)
        {
            if (_recent[i] == timestamp)
            {
                return true;
            }
        }

        return false;
    }
}
