namespace Switch.EventSocket;

/// <summary>
/// Bounded ring of the most recent events, in publish order, for <c>event resume</c>. Not thread-safe: the hub
/// calls it under its publish lock.
/// </summary>
internal sealed class EslJournal
{
    private readonly EslEvent?[] _ring;
    private long _count;

    public EslJournal(int capacity)
    {
        _ring = new EslEvent?[Math.Max(capacity, 0)];
    }

    public int Capacity => _ring.Length;

    public int Count => (int)Math.Min(_count, _ring.Length);

    public void Add(EslEvent evt)
    {
        if (_ring.Length == 0)
        {
            return;
        }

        _ring[_count % _ring.Length] = evt;
        _count++;
    }

    /// <summary>
    /// Events published after the one whose <c>Event-Sequence</c> is <paramref name="sequence"/>. When that event is
    /// still in the journal the answer is exact (everything after it in publish order); otherwise every journal
    /// event with a larger sequence is returned and <paramref name="missing"/> estimates how many were lost.
    /// </summary>
    public List<EslEvent> After(long sequence, out long missing)
    {
        var result = new List<EslEvent>();
        missing = 0;
        var count = Count;
        var first = _count - count;
        var foundAt = -1L;
        for (var i = _count - 1; i >= first; i--)
        {
            if (_ring[i % _ring.Length]!.Sequence == sequence)
            {
                foundAt = i;
                break;
            }
        }

        if (foundAt >= 0)
        {
            for (var i = foundAt + 1; i < _count; i++)
            {
                result.Add(_ring[i % _ring.Length]!);
            }

            return result;
        }

        long? oldest = null;
        for (var i = first; i < _count; i++)
        {
            var evt = _ring[i % _ring.Length]!;
            if (evt.Sequence is { } s && s > sequence)
            {
                oldest ??= s;
                result.Add(evt);
            }
        }

        if (oldest is { } o && o > sequence + 1)
        {
            missing = o - sequence - 1;
        }

        return result;
    }
}
