using System.Buffers;

namespace Switch.EventSocket;

/// <summary>
/// A growable byte buffer over arrays rented from <see cref="ArrayPool{T}.Shared"/>. A connection's writer gathers
/// the frames for its next socket write in one (they go out with a single <c>send</c>) and releases the array when it
/// has nothing more to write, so idle connections hold none; <see cref="EslDelivery"/> serializes a shared frame into
/// one and detaches the array.
/// </summary>
internal sealed class EslSendBuffer : IBufferWriter<byte>
{
    /// <summary>The size a connection's writer rents first: below the large-object threshold, so a pool miss is an ordinary allocation.</summary>
    public const int DefaultSize = 64 * 1024;

    private readonly int _initialSize;
    private byte[]? _array;
    private int _written;

    public EslSendBuffer(int initialSize = DefaultSize)
    {
        _initialSize = initialSize;
    }

    /// <summary>Bytes appended since the last <see cref="Clear"/>.</summary>
    public int Written => _written;

    /// <summary>The appended bytes.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _array is null ? ReadOnlyMemory<byte>.Empty : _array.AsMemory(0, _written);

    /// <summary>Size of the array currently held (0 when released).</summary>
    public int Capacity => _array?.Length ?? 0;

    public void Advance(int count)
    {
        if (count < 0 || count > Capacity - _written)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_written);
    }

    /// <summary>Forgets the appended bytes and keeps the array for the next batch.</summary>
    public void Clear() => _written = 0;

    /// <summary>Forgets the appended bytes and returns the array to the pool.</summary>
    public void Release()
    {
        _written = 0;
        if (_array is { } array)
        {
            _array = null;
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    /// <summary>Hands the array (a pooled one: give it back with <see cref="ArrayPool{T}.Return"/>) and the count written to the caller; the buffer is empty afterwards.</summary>
    public byte[] Detach(out int written)
    {
        Reserve(0);
        var array = _array!;
        written = _written;
        _array = null;
        _written = 0;
        return array;
    }

    private void Reserve(int sizeHint)
    {
        var need = Math.Max(sizeHint, 1);
        if (_array is null)
        {
            _array = ArrayPool<byte>.Shared.Rent(Math.Max(need, _initialSize));
            return;
        }

        if (_array.Length - _written >= need)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(checked(Math.Max(_array.Length * 2, _written + need)));
        _array.AsSpan(0, _written).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }
}
