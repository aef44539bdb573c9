using System.Buffers;
using System.Runtime.CompilerServices;

namespace Switch.EventSocket;

/// <summary>
/// The serialized form of header blocks that many events share (see <see cref="EslEvent"/>'s <c>sharedParts</c>):
/// a fixed table of slots, one per hash of the block's array, each holding the array and its plain, json and xml
/// bytes as they are first needed. A block met again while its slot still holds it is copied instead of encoded
/// again; another block with the same slot takes the slot over. Bounded memory; thread-safe (an entry's bytes are
/// set once, and a race only encodes the same bytes twice).
/// </summary>
internal static class EslHeaderBlockCache
{
    /// <summary>Slots; a power of two.</summary>
    internal const int Slots = 1024;

    /// <summary>Blocks with fewer headers are encoded each time: the lookup would cost about as much.</summary>
    internal const int MinHeaders = 3;

    private static readonly Entry?[] Table = new Entry?[Slots];

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    /// <summary>
    /// The bytes of <paramref name="block"/> in <paramref name="format"/> (plain: its lines; json: its members joined
    /// by commas, without a leading one; xml: its elements), encoded by <paramref name="encode"/> on a miss.
    /// </summary>
    public static byte[] Get(KeyValuePair<string, string>[] block, EslEventFormat format,
        Action<KeyValuePair<string, string>[], IBufferWriter<byte>> encode)
    {
        ref var slot = ref Table[RuntimeHelpers.GetHashCode(block) & (Slots - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is null || !ReferenceEquals(entry.Block, block))
        {
            entry = new Entry(block);
            Volatile.Write(ref slot, entry);
        }

        ref var bytes = ref format == EslEventFormat.Json ? ref entry.Json
            : ref format == EslEventFormat.Xml ? ref entry.Xml : ref entry.Plain;
        var cached = Volatile.Read(ref bytes);
        if (cached is null)
        {
            var scratch = t_scratch ??= new ArrayBufferWriter<byte>(4096);
            scratch.ResetWrittenCount();
            encode(block, scratch);
            cached = scratch.WrittenSpan.ToArray();
            if (scratch.Capacity > 256 * 1024)
            {
                t_scratch = null;
            }

            Volatile.Write(ref bytes, cached);
        }

        return cached;
    }

    private sealed class Entry(KeyValuePair<string, string>[] block)
    {
        public readonly KeyValuePair<string, string>[] Block = block;
        public byte[]? Plain;
        public byte[]? Json;
        public byte[]? Xml;
    }
}
