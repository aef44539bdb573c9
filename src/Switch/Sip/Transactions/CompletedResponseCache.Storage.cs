using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Switch.Sip.Transactions;

/// <summary>
/// The storage: a circular array of <see cref="Slot"/>s in arrival (= expiry) order with a chained hash index of
/// ints over it, and the entries' bytes in fixed-size chunks filled one after the other in the same order. A
/// chunk is given back when its last entry expires (kept as a spare, or let go once spares are plenty), so bytes
/// are never copied; the slot array doubles when full and halves again once a burst has expired (not below its
/// starting size). Callers hold <c>_lock</c>.
/// </summary>
internal sealed partial class CompletedResponseCache
{
    /// <summary>The byte chunks by index (null where one was let go); slots name theirs by index.</summary>
    private byte[]?[] _chunks = new byte[]?[4];

    /// <summary>Indexes of empty chunks of the standard size, ready for reuse.</summary>
    private int[] _spares = new int[4];
    private int _spareCount;
    private int _chunkCount;
    private long _byteCapacity;

    /// <summary>The chunk the newest entry went to, and where the next one goes in it.</summary>
    private int _writeChunk;
    private int _writeOffset;

    private Slot[] _slots;

    /// <summary>Per hash bucket (a power of two, at least one per slot), slot index + 1 of its chain's first entry; 0 when empty.</summary>
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

    /// <summary>Copies the entry into the slots and a chunk (taking more room if needed); its slot index, or -1 when it cannot be kept.</summary>
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

            CompactSlots(Math.Min(MaxSlotCapacity, _slots.Length * 2));
        }

        if (_chunks[_writeChunk]!.Length - _writeOffset < length)
        {
            NextChunk(length);
        }

        var index = Wrap(_head + _slotCount);
        ref var slot = ref _slots[index];
        slot = default;
        slot.Due = _time.GetTimestamp() + _lingerTimestamp;
        slot.Hash = hash;
        slot.Chunk = _writeChunk;
        slot.Offset = _writeOffset;
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

        var to = _chunks[_writeChunk].AsSpan(_writeOffset, length);
        Encode(key.Branch, branchAscii, to);
        Encode(key.Host, hostAscii, to[slot.BranchLength..]);
        Encode(key.Method, methodAscii, to[(slot.BranchLength + slot.HostLength)..]);
        response.CopyTo(to[slot.KeyLength..]);

        _slotCount++;
        _writeOffset += length;
        return index;
    }

    /// <summary>Writing goes on in another chunk (a spare, or a new one; its own for an entry larger than a chunk).</summary>
    private void NextChunk(int length)
    {
        if (_slotCount == 0)
        {
            // No entry is left in the current one.
            ReleaseChunk(_writeChunk);
        }

        _writeChunk = AcquireChunk(length);
        _writeOffset = 0;
    }

    private int AcquireChunk(int length)
    {
        if (length <= _chunkSize && _spareCount > 0)
        {
            return _spares[--_spareCount];
        }

        var index = Array.IndexOf(_chunks, null);
        if (index < 0)
        {
            index = _chunks.Length;
            Array.Resize(ref _chunks, _chunks.Length * 2);
            Array.Resize(ref _spares, _chunks.Length);
        }

        var chunk = new byte[Math.Max(length, _chunkSize)];
        _chunks[index] = chunk;
        _chunkCount++;
        Volatile.Write(ref _byteCapacity, _byteCapacity + chunk.Length);
        return index;
    }

    /// <summary>A chunk no entry uses any more: kept as a spare (a few, for the chunks being filled next) or let go.</summary>
    private void ReleaseChunk(int index)
    {
        var chunk = _chunks[index]!;
        if (chunk.Length == _chunkSize && _slotCount > 0 && _spareCount < Math.Max(1, (_chunkCount - _spareCount) / 4))
        {
            _spares[_spareCount++] = index;
            return;
        }

        _chunks[index] = null;
        _chunkCount--;
        Volatile.Write(ref _byteCapacity, _byteCapacity - chunk.Length);
    }

    private void RemoveOldest()
    {
        ref var slot = ref _slots[_head];
        if ((slot.Flags & SlotFlags.Live) != 0)
        {
            Unlink(_head);
            Volatile.Write(ref _count, _count - 1);
        }

        var chunk = slot.Chunk;
        slot = default;
        _head = Wrap(_head + 1);
        _slotCount--;
        if (_slotCount == 0)
        {
            // All gone: the chunk written last is filled again from its start, the spares are let go.
            _head = 0;
            _writeOffset = 0;
            while (_spareCount > 0)
            {
                ReleaseChunk(_spares[--_spareCount]);
            }
        }
        else if (_slots[_head].Chunk != chunk && chunk != _writeChunk)
        {
            ReleaseChunk(chunk);
        }
    }

    /// <summary>After a burst has expired, gives the slot memory back (down to the starting size).</summary>
    private void ShrinkIfSparse()
    {
        var slotCapacity = _slots.Length;
        while (slotCapacity > _initialSlotCapacity && (long)_slotCount * 4 < slotCapacity)
        {
            slotCapacity = Math.Max(_initialSlotCapacity, slotCapacity / 2);
        }

        if (slotCapacity != _slots.Length)
        {
            CompactSlots(slotCapacity);
        }
    }

    /// <summary>
    /// Moves the slots, oldest first, to a new array of the given size (large enough for them) starting at index 0,
    /// and rebuilds the hash index over the live ones. Their bytes stay where they are.
    /// </summary>
    private void CompactSlots(int slotCapacity)
    {
        var slots = new Slot[slotCapacity];
        var buckets = new int[BucketCount(slotCapacity)];
        for (var i = 0; i < _slotCount; i++)
        {
            ref var to = ref slots[i];
            to = _slots[Wrap(_head + i)];
            if ((to.Flags & SlotFlags.Live) != 0)
            {
                ref var bucket = ref buckets[to.Hash & (buckets.Length - 1)];
                to.Next = bucket;
                bucket = i + 1;
            }
        }

        (_slots, _buckets, _head) = (slots, buckets, 0);
    }

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
        var stored = _chunks[slot.Chunk].AsSpan(slot.Offset, slot.KeyLength);
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
