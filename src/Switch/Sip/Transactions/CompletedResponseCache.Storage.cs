using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Switch.Sip.Transactions;

/// <summary>
/// The storage: a circular byte buffer and a circular array of <see cref="Slot"/>s in arrival (= expiry) order,
/// and a chained hash index of ints over the slots. An entry's bytes never wrap: when they do not fit at the
/// end of the buffer they start again at its beginning. Both rings grow by half when full, copying only the
/// entries still live, and halve again (not below their starting sizes) once a burst has expired. Callers hold <c>_lock</c>.
/// </summary>
internal sealed partial class CompletedResponseCache
{
    private byte[] _bytes;
    private Slot[] _slots;

    /// <summary>Per hash bucket (as many as slots), slot index + 1 of its chain's first entry; 0 when empty.</summary>
    private int[] _buckets;

    /// <summary>The distinct local endpoints (one per UDP socket) the entries were received on.</summary>
    private IPEndPoint[] _locals = new IPEndPoint[4];
    private int _localCount;

    /// <summary>Slot index of the oldest entry.</summary>
    private int _head;

    /// <summary>Entries in the FIFO, replaced ones included.</summary>
    private int _slotCount;

    /// <summary>Entries that still answer their key.</summary>
    private int _count;

    /// <summary>Bytes held by the entries in the FIFO (without the gap left at the end when the buffer wrapped).</summary>
    private int _usedBytes;

    /// <summary>Offset of the oldest entry's bytes.</summary>
    private int _byteStart;

    /// <summary>Where the newest entry's bytes end; at or before <see cref="_byteStart"/> once the buffer has wrapped.</summary>
    private int _byteEnd;

    /// <summary>Copies the entry into the rings (growing them if needed); its slot index, or -1 when it cannot be kept.</summary>
    private int Store(ServerTransactionKey key, int hash, ReadOnlySpan<byte> response, IPEndPoint destination, IPEndPoint local)
    {
        var branchAscii = Ascii.IsValid(key.Branch);
        var hostAscii = Ascii.IsValid(key.Host);
        var methodAscii = Ascii.IsValid(key.Method);
        var branchLength = (long)key.Branch.Length * (branchAscii ? 1 : 2);
        var hostLength = (long)key.Host.Length * (hostAscii ? 1 : 2);
        var methodLength = (long)key.Method.Length * (methodAscii ? 1 : 2);
        var total = branchLength + hostLength + methodLength + response.Length;
        if (total > Array.MaxLength / 4)
        {
            return -1;
        }

        var length = (int)total;
        if (_slotCount == _slots.Length)
        {
            if (_slots.Length >= MaxSlotCapacity)
            {
                return -1;
            }

            Compact(Math.Min(MaxSlotCapacity, Grown(_slots.Length)), _bytes.Length);
        }

        var offset = Reserve(Math.Max(length, 1));
        if (offset < 0)
        {
            return -1;
        }

        var index = Wrap(_head + _slotCount);
        ref var slot = ref _slots[index];
        slot = default;
        slot.Due = _time.GetTimestamp() + _lingerTimestamp;
        slot.Hash = hash;
        slot.Offset = offset;
        slot.BranchLength = (int)branchLength;
        slot.HostLength = (int)hostLength;
        slot.MethodLength = (int)methodLength;
        slot.ResponseLength = response.Length;
        slot.Port = key.Port;
        slot.LocalIndex = LocalIndex(local);
        slot.DestinationPort = (ushort)destination.Port;
        slot.Flags = SlotFlags.Live
            | (branchAscii ? SlotFlags.BranchAscii : SlotFlags.None)
            | (hostAscii ? SlotFlags.HostAscii : SlotFlags.None)
            | (methodAscii ? SlotFlags.MethodAscii : SlotFlags.None);
        var address = destination.Address;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            slot.Flags |= SlotFlags.IPv6;
            slot.ScopeId = (uint)address.ScopeId;
        }

        _ = address.TryWriteBytes(slot.Address, out _);

        var to = _bytes.AsSpan(offset, length);
        Encode(key.Branch, branchAscii, to);
        Encode(key.Host, hostAscii, to[slot.BranchLength..]);
        Encode(key.Method, methodAscii, to[(slot.BranchLength + slot.HostLength)..]);
        response.CopyTo(to[slot.KeyLength..]);

        _slotCount++;
        _usedBytes += slot.Length;
        _byteEnd = offset + slot.Length;
        return index;
    }

    /// <summary>Where <paramref name="length"/> contiguous bytes go, growing the buffer when they do not fit; -1 when too big.</summary>
    private int Reserve(int length)
    {
        var offset = Place(length);
        if (offset >= 0)
        {
            return offset;
        }

        long capacity = _bytes.Length;
        do
        {
            capacity = Grown(capacity);
        }
        while (capacity - _usedBytes < length);
        if (capacity > Array.MaxLength)
        {
            return -1;
        }

        Compact(_slots.Length, (int)capacity);
        return Place(length);
    }

    private int Place(int length)
    {
        var capacity = _bytes.Length;
        if (_slotCount == 0)
        {
            return length <= capacity ? 0 : -1;
        }

        if (_byteEnd > _byteStart)
        {
            // [start, end) in use: after it, else before it (the entry then starts the wrapped part).
            return capacity - _byteEnd >= length ? _byteEnd : _byteStart >= length ? 0 : -1;
        }

        // Wrapped: [start, capacity) and [0, end) in use.
        return _byteStart - _byteEnd >= length ? _byteEnd : -1;
    }

    private void RemoveOldest()
    {
        ref var slot = ref _slots[_head];
        if ((slot.Flags & SlotFlags.Live) != 0)
        {
            Unlink(_head);
            Volatile.Write(ref _count, _count - 1);
        }

        _usedBytes -= slot.Length;
        slot = default;
        _head = Wrap(_head + 1);
        _slotCount--;
        if (_slotCount == 0)
        {
            (_head, _byteStart, _byteEnd) = (0, 0, 0);
        }
        else
        {
            _byteStart = _slots[_head].Offset;
        }
    }

    /// <summary>After a burst has expired, gives the memory back (down to the starting sizes).</summary>
    private void ShrinkIfSparse()
    {
        var slotCapacity = _slots.Length;
        while (slotCapacity > _initialSlotCapacity && (long)_slotCount * 4 < slotCapacity)
        {
            slotCapacity = Math.Max(_initialSlotCapacity, slotCapacity / 2);
        }

        var byteCapacity = _bytes.Length;
        while (byteCapacity > _initialByteCapacity && (long)_usedBytes * 4 < byteCapacity)
        {
            byteCapacity = Math.Max(_initialByteCapacity, byteCapacity / 2);
        }

        if (slotCapacity != _slots.Length || byteCapacity != _bytes.Length)
        {
            Compact(slotCapacity, byteCapacity);
        }
    }

    /// <summary>
    /// Moves the live entries, oldest first, to new rings of the given sizes (large enough for them) starting at
    /// index and offset 0, dropping the replaced ones, and rebuilds the hash index.
    /// </summary>
    private void Compact(int slotCapacity, int byteCapacity)
    {
        var slots = new Slot[slotCapacity];
        var bytes = new byte[byteCapacity];
        var buckets = new int[BucketCount(slotCapacity)];
        var count = 0;
        var end = 0;
        for (var i = 0; i < _slotCount; i++)
        {
            ref readonly var from = ref _slots[Wrap(_head + i)];
            if ((from.Flags & SlotFlags.Live) == 0)
            {
                continue;
            }

            var length = from.Length;
            _bytes.AsSpan(from.Offset, length).CopyTo(bytes.AsSpan(end));
            ref var to = ref slots[count];
            to = from;
            to.Offset = end;
            ref var bucket = ref buckets[to.Hash & (buckets.Length - 1)];
            to.Next = bucket;
            bucket = count + 1;
            end += length;
            count++;
        }

        (_slots, _bytes, _buckets) = (slots, bytes, buckets);
        (_head, _slotCount, _usedBytes, _byteStart, _byteEnd) = (0, count, end, 0, end);
    }

    /// <summary>Half as large again (by at least 16): growth leaves at most a third of a ring unused.</summary>
    private static int Grown(int capacity) => capacity + Math.Max(capacity / 2, 16);

    private static long Grown(long capacity) => capacity + Math.Max(capacity / 2, 16);

    /// <summary>A power of two, at least one bucket per slot.</summary>
    private static int BucketCount(int slotCapacity) => (int)BitOperations.RoundUpToPowerOf2((uint)slotCapacity);

    private int Wrap(int index) => index < _slots.Length ? index : index - _slots.Length;

    private int Find(in ServerTransactionKey key, int hash)
    {
        var next = _buckets[hash & (_buckets.Length - 1)];
        while (next != 0)
        {
            var index = next - 1;
            ref readonly var slot = ref _slots[index];
            if (slot.Hash == hash && slot.Port == key.Port && KeyEquals(in slot, in key))
            {
                return index;
            }

            next = slot.Next;
        }

        return -1;
    }

    private bool KeyEquals(in Slot slot, in ServerTransactionKey key)
    {
        var stored = _bytes.AsSpan(slot.Offset, slot.KeyLength);
        return Matches(stored[..slot.BranchLength], (slot.Flags & SlotFlags.BranchAscii) != 0, key.Branch)
            && Matches(stored.Slice(slot.BranchLength, slot.HostLength), (slot.Flags & SlotFlags.HostAscii) != 0, key.Host)
            && Matches(stored[(slot.BranchLength + slot.HostLength)..], (slot.Flags & SlotFlags.MethodAscii) != 0, key.Method);
    }

    /// <summary>Exact (ordinal) equality of a stored string with <paramref name="value"/>.</summary>
    private static bool Matches(ReadOnlySpan<byte> stored, bool ascii, string value) =>
        ascii
            ? stored.Length == value.Length && Ascii.Equals(stored, value)
            : stored.SequenceEqual(MemoryMarshal.AsBytes(value.AsSpan()));

    private static void Encode(string value, bool ascii, Span<byte> to)
    {
        if (ascii)
        {
            _ = Ascii.FromUtf16(value, to, out _);
        }
        else
        {
            MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(to);
        }
    }

    private void Link(int index)
    {
        ref var slot = ref _slots[index];
        ref var bucket = ref _buckets[slot.Hash & (_buckets.Length - 1)];
        slot.Next = bucket;
        bucket = index + 1;
    }

    private void Unlink(int index)
    {
        ref var link = ref _buckets[_slots[index].Hash & (_buckets.Length - 1)];
        while (link != 0)
        {
            if (link == index + 1)
            {
                link = _slots[index].Next;
                return;
            }

            link = ref _slots[link - 1].Next;
        }
    }

    /// <summary>The index of <paramref name="local"/> in the short table of distinct local endpoints.</summary>
    private int LocalIndex(IPEndPoint local)
    {
        for (var i = 0; i < _localCount; i++)
        {
            if (ReferenceEquals(_locals[i], local) || _locals[i].Equals(local))
            {
                return i;
            }
        }

        if (_localCount == _locals.Length)
        {
            Array.Resize(ref _locals, Math.Max(4, _locals.Length * 2));
        }

        _locals[_localCount] = local;
        return _localCount++;
    }
}
