using System.Buffers;

namespace Switch.EventSocket;

/// <summary>
/// One published event on its way to every connection that wants it in one format: the frame is serialized once,
/// by the first writer that reaches it, and all of them copy it from there. While few frames are in flight (a writer
/// keeping up builds, writes and drops each one in turn) the frame lives in an array from <see cref="ArrayPool{T}.Shared"/>,
/// so steady delivery allocates nothing per event and reuses warm memory; past <see cref="MaxPooledFrames"/> in flight
/// (bursts to subscribers at different speeds, which would only overflow the pool) it is an exact-size array.
/// Reference count: one per queued delivery (<see cref="AddDelivery"/>) plus the publisher's own, dropped by
/// <see cref="Release"/> once every connection was offered the event, so it cannot reach zero while the fan-out is
/// still adding; nothing adds after that, so once the array is returned nobody asks for it again. A delivery that
/// is dropped (queue full, <c>noevents</c>, connection gone) releases too.
/// </summary>
internal sealed class EslDelivery
{
    /// <summary>First size rented for a frame: a channel event with its variables is 1–6 KB in plain.</summary>
    private const int FirstRent = 4096;

    /// <summary>Pooled frames in flight at most (about what the shared pool keeps per array size on a small machine).</summary>
    internal const int MaxPooledFrames = 32;

    [ThreadStatic]
    private static EslSendBuffer? t_builder;

    private static int s_pooledFrames;

    private int _references = 1;
    private bool _pooled;
    private byte[]? _array;
    private int _start;
    private int _length;

    private readonly bool _mayPool;

    /// <summary>A delivery holding the publisher's reference; <paramref name="mayPool"/> false always builds an exact-size array.</summary>
    public EslDelivery(EslEvent evt, EslEventFormat format, bool mayPool = true)
    {
        Event = evt;
        Format = format;
        _mayPool = mayPool;
    }

    public EslEvent Event { get; }

    public EslEventFormat Format { get; }

    /// <summary>Counts one more queued delivery; only while the publisher still holds its own reference.</summary>
    public void AddDelivery() => Interlocked.Increment(ref _references);

    /// <summary>Frames currently built into pooled arrays, all deliveries together.</summary>
    internal static int PooledFramesInFlight => Volatile.Read(ref s_pooledFrames);

    /// <summary>True while the frame is built and not yet given up by the last reference.</summary>
    internal bool HoldsFrame => Volatile.Read(ref _array) is not null;

    /// <summary>True when the frame was built into a pooled array.</summary>
    internal bool IsPooled => _pooled;

    /// <summary>Drops one reference; the last one returns the frame's array to the pool.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0 && Interlocked.Exchange(ref _array, null) is { } array && _pooled)
        {
            ArrayPool<byte>.Shared.Return(array);
            Interlocked.Decrement(ref s_pooledFrames);
        }
    }

    /// <summary>The complete frame; valid until the caller releases its reference.</summary>
    public ReadOnlySpan<byte> Frame => FrameMemory.Span;

    /// <summary>The complete frame as memory over the shared array; valid until the caller releases its reference.</summary>
    public ReadOnlyMemory<byte> FrameMemory
    {
        get
        {
            var array = Volatile.Read(ref _array);
            if (array is null)
            {
                lock (this)
                {
                    array = _array ?? Build();
                }
            }

            return array.AsMemory(_start, _length);
        }
    }

    private byte[] Build()
    {
        if (!_mayPool || Interlocked.Increment(ref s_pooledFrames) > MaxPooledFrames)
        {
            if (_mayPool)
            {
                Interlocked.Decrement(ref s_pooledFrames);
            }

            var frame = EslEventSerializer.BuildFrame(Event, Format);
            _length = frame.Length;
            Volatile.Write(ref _array, frame);
            return frame;
        }

        // Serialized straight into the pooled array after room for the prefix, which is then written right before it.
        var builder = t_builder ??= new EslSendBuffer(FirstRent);
        builder.GetSpan(FirstRent);
        builder.Advance(EslEventSerializer.MaxFramePrefix);
        EslEventSerializer.Write(Event, Format, builder);
        var array = builder.Detach(out var written);
        _start = EslEventSerializer.WriteFramePrefix(array.AsSpan(0, EslEventSerializer.MaxFramePrefix), written - EslEventSerializer.MaxFramePrefix, Format);
        _length = written - _start;
        _pooled = true;
        Volatile.Write(ref _array, array);
        return array;
    }
}
