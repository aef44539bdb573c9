namespace Switch.Calls;

/// <summary>
/// One instance per value among the values calls keep over and over (a caller's party, a binding's target):
/// a fixed table of slots by hash, each holding the last value that landed there. <see cref="Share"/> gives the
/// kept instance when it equals the value asked for, else keeps the new one in its place. Bounded, needs no
/// clean-up, and follows the values in use as they change; a collision only costs a copy of a value.
/// </summary>
internal sealed class SharedSlots<T>(int slots = 1024)
    where T : class, IEquatable<T>
{
    private readonly T?[] _slots = new T?[CheckPowerOfTwo(slots)];

    public int Slots => _slots.Length;

    public T Share(T value)
    {
        ref var slot = ref _slots[value.GetHashCode() & (_slots.Length - 1)];
        var kept = Volatile.Read(ref slot);
        if (kept is not null && kept.Equals(value))
        {
            return kept;
        }
        Volatile.Write(ref slot, value);
        return value;
    }

    private static int CheckPowerOfTwo(int slots) =>
        slots > 0 && (slots & (slots - 1)) == 0 ? slots : throw new ArgumentOutOfRangeException(nameof(slots), "A power of two.");
}
