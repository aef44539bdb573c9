namespace Switch.Calls;

/// <summary>
/// A table of live objects found by a key they carry (a channel by its uuid, a SIP leg by Call-ID and tag),
/// made for tens of thousands of entries: one array of references with open addressing (linear probing), so an
/// entry costs a reference and a half on average instead of a dictionary node. The array's length is any
/// number (a hash is mapped onto it by multiplication), so it stays between half and three quarters full.
/// Lookups take no lock and see the array as it was when they started; adds and removals take a lock. Removed
/// entries leave a marker until the array is rebuilt (when markers and entries fill three quarters of it, or
/// entries fill an eighth of a grown array).
/// </summary>
internal abstract class LiveTable<TKey, TValue>
    where TValue : class
{
    private const int MinimumLength = 16;

    /// <summary>The marker a removal leaves, so that probes for entries further along keep going.</summary>
    private static readonly object Removed = new();

    private readonly Lock _gate = new();
    private object?[] _slots = new object?[MinimumLength];
    private int _count;
    private int _used;

    /// <summary>Entries in the table.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Slots of the current array (diagnostics and tests).</summary>
    internal int Capacity => Volatile.Read(ref _slots).Length;

    protected abstract int HashOfKey(TKey key);

    protected abstract int HashOf(TValue value);

    protected abstract bool Matches(TValue value, TKey key);

    protected abstract bool SameKey(TValue value, TValue other);

    /// <summary>The entry with <paramref name="key"/>, or null.</summary>
    public TValue? Find(TKey key)
    {
        var slots = Volatile.Read(ref _slots);
        var i = Start(HashOfKey(key), slots.Length);
        for (var probes = 0; probes < slots.Length; probes++)
        {
            var slot = Volatile.Read(ref slots[i]);
            if (slot is null)
            {
                return null;
            }
            if (slot is TValue value && Matches(value, key))
            {
                return value;
            }
            i = Next(i, slots.Length);
        }
        return null;
    }

    /// <summary>Adds <paramref name="value"/>; with <paramref name="replace"/> an entry with the same key gives way, else the add fails.</summary>
    public bool Add(TValue value, bool replace = false)
    {
        lock (_gate)
        {
            if ((_used + 1) * 4 > _slots.Length * 3)
            {
                Rebuild(_count + 1);
            }
            var slots = _slots;
            var i = Start(HashOf(value), slots.Length);
            var free = -1;
            for (var probes = 0; probes < slots.Length; probes++)
            {
                var slot = slots[i];
                if (slot is null)
                {
                    break;
                }
                if (ReferenceEquals(slot, Removed))
                {
                    free = free < 0 ? i : free;
                }
                else if (SameKey((TValue)slot, value))
                {
                    if (!replace)
                    {
                        return false;
                    }
                    Volatile.Write(ref slots[i], value);
                    return true;
                }
                i = Next(i, slots.Length);
            }
            if (free < 0)
            {
                free = i;
                _used++;
            }
            Volatile.Write(ref slots[free], value);
            _count++;
            return true;
        }
    }

    /// <summary>Removes this very entry (not another with the same key); false when it is not in the table.</summary>
    public bool Remove(TValue value)
    {
        lock (_gate)
        {
            var slots = _slots;
            var i = Start(HashOf(value), slots.Length);
            for (var probes = 0; probes < slots.Length; probes++)
            {
                var slot = slots[i];
                if (slot is null)
                {
                    return false;
                }
                if (ReferenceEquals(slot, value))
                {
                    Volatile.Write(ref slots[i], Removed);
                    _count--;
                    if (slots.Length > MinimumLength && _count * 8 < slots.Length)
                    {
                        Rebuild(_count);
                    }
                    return true;
                }
                i = Next(i, slots.Length);
            }
            return false;
        }
    }

    /// <summary>The entries at this moment.</summary>
    public List<TValue> ToList()
    {
        var slots = Volatile.Read(ref _slots);
        var list = new List<TValue>(Count);
        foreach (var slot in slots)
        {
            if (slot is TValue value)
            {
                list.Add(value);
            }
        }
        return list;
    }

    /// <summary>Where the probe for a hash starts: the hash scaled onto the length (Lemire's multiply-shift).</summary>
    private static int Start(int hash, int length) => (int)(((ulong)(uint)hash * (ulong)(uint)length) >> 32);

    private static int Next(int i, int length) => i + 1 == length ? 0 : i + 1;

    /// <summary>A new array for <paramref name="entries"/> entries (half full), without markers; published whole.</summary>
    private void Rebuild(int entries)
    {
        var length = Math.Max(MinimumLength, entries * 2);
        var slots = new object?[length];
        foreach (var slot in _slots)
        {
            if (slot is TValue value)
            {
                var i = Start(HashOf(value), length);
                while (slots[i] is not null)
                {
                    i = Next(i, length);
                }
                slots[i] = value;
            }
        }
        _used = _count;
        Volatile.Write(ref _slots, slots);
    }
}
