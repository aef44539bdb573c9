using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Switch.EventSocket;

/// <summary>
/// Bounded record of the most recent events, in publish order, for <c>event resume</c>: at most
/// <see cref="Capacity"/> events and <see cref="EslServerOptions.JournalBytes"/> bytes, whichever is reached first.
/// Events are kept as bytes, not objects: each one is copied (names, values and body as raw UTF-16, with their
/// lengths) into a ring of 1 MiB chunks allocated as they are first needed, and rebuilt only when a client
/// resumes. Holding thousands of recent events as objects would make every one of them survive into the oldest
/// garbage-collector generation, and the collector pauses the whole switch to copy them there. Not thread-safe: the
/// hub calls it under its publish lock.
/// </summary>
internal sealed class EslJournal
{
    /// <summary>Size of one chunk of the ring; an event is never split across two, so none larger is kept.</summary>
    internal const int ChunkBytes = 1024 * 1024;

    private readonly Entry[] _entries;
    private readonly byte[]?[] _chunks;
    private readonly long _ringBytes;
    private long _added;
    private long _oldest;
    private long _writeAt;

    public EslJournal(int capacity, long bytes = 32L * ChunkBytes)
    {
        _entries = new Entry[Math.Max(capacity, 0)];
        var chunks = capacity <= 0 ? 0 : (int)Math.Clamp((bytes + ChunkBytes - 1) / ChunkBytes, 1, 4096);
        _chunks = new byte[chunks][];
        _ringBytes = (long)chunks * ChunkBytes;
    }

    public int Capacity => _entries.Length;

    public int Count => (int)(_added - _oldest);

    /// <summary>Chunks allocated so far (memory held: this many MiB).</summary>
    internal int ChunksAllocated => _chunks.Count(c => c is not null);

    public void Add(EslEvent evt)
    {
        if (_entries.Length == 0)
        {
            return;
        }

        var sequence = evt.Sequence ?? -1;
        var length = EncodedLength(evt);
        if (length > ChunkBytes)
        {
            // Too large to keep: remembered as a gap so that a resume across it counts it missing.
            Append(new Entry(sequence, _writeAt, -1));
            return;
        }

        var start = _writeAt;
        var offset = (int)(start % ChunkBytes);
        if (offset + length > ChunkBytes)
        {
            start += ChunkBytes - offset;
        }

        // Forget what the new bytes will overwrite.
        while (_oldest < _added && _entries[_oldest % _entries.Length].Start < start + length - _ringBytes)
        {
            _oldest++;
        }

        var chunkIndex = (int)(start / ChunkBytes % _chunks.Length);
        var chunk = _chunks[chunkIndex] ??= new byte[ChunkBytes];
        Encode(evt, chunk.AsSpan((int)(start % ChunkBytes), (int)length));
        _writeAt = start + length;
        Append(new Entry(sequence, start, (int)length));
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
        var foundAt = -1L;
        for (var i = _added - 1; i >= _oldest; i--)
        {
            if (_entries[i % _entries.Length].Sequence == sequence)
            {
                foundAt = i;
                break;
            }
        }

        if (foundAt >= 0)
        {
            for (var i = foundAt + 1; i < _added; i++)
            {
                AddDecoded(result, _entries[i % _entries.Length], ref missing);
            }

            return result;
        }

        long? oldest = null;
        for (var i = _oldest; i < _added; i++)
        {
            var entry = _entries[i % _entries.Length];
            if (entry.Sequence > sequence)
            {
                oldest ??= entry.Sequence;
                AddDecoded(result, entry, ref missing);
            }
        }

        if (oldest is { } o && o > sequence + 1)
        {
            missing += o - sequence - 1;
        }

        return result;
    }

    private void Append(Entry entry)
    {
        if (_added - _oldest == _entries.Length)
        {
            _oldest++;
        }

        _entries[_added % _entries.Length] = entry;
        _added++;
    }

    private void AddDecoded(List<EslEvent> result, Entry entry, ref long missing)
    {
        if (entry.Length < 0)
        {
            missing++;
            return;
        }

        var chunk = _chunks[(int)(entry.Start / ChunkBytes % _chunks.Length)]!;
        result.Add(Decode(chunk.AsSpan((int)(entry.Start % ChunkBytes), entry.Length)));
    }

    /// <summary>Bytes of <see cref="Encode"/>'s form: two counts, then per header two lengths and the chars, then the body.</summary>
    private static long EncodedLength(EslEvent evt)
    {
        long length = 8 + ((long)(evt.Body?.Length ?? 0) * 2);
        for (var p = 0; p < evt.PartCount; p++)
        {
            foreach (var (name, value) in evt.GetPart(p))
            {
                length += 8 + ((long)(name.Length + value.Length) * 2);
            }
        }

        return length;
    }

    /// <summary>
    /// Header count, body length (-1: no body), then per header the name and value lengths and their UTF-16 chars,
    /// then the body's chars. Exact: every header (empty values too) and the body come back as they were.
    /// </summary>
    private static void Encode(EslEvent evt, Span<byte> dest)
    {
        BinaryPrimitives.WriteInt32LittleEndian(dest, evt.HeaderCount);
        BinaryPrimitives.WriteInt32LittleEndian(dest[4..], evt.Body?.Length ?? -1);
        var o = 8;
        for (var p = 0; p < evt.PartCount; p++)
        {
            foreach (var (name, value) in evt.GetPart(p))
            {
                BinaryPrimitives.WriteInt32LittleEndian(dest[o..], name.Length);
                BinaryPrimitives.WriteInt32LittleEndian(dest[(o + 4)..], value.Length);
                o += 8;
                o += Chars(name, dest[o..]);
                o += Chars(value, dest[o..]);
            }
        }

        if (evt.Body is { } body)
        {
            Chars(body, dest[o..]);
        }

        static int Chars(string text, Span<byte> dest)
        {
            var bytes = MemoryMarshal.AsBytes(text.AsSpan());
            bytes.CopyTo(dest);
            return bytes.Length;
        }
    }

    private static EslEvent Decode(ReadOnlySpan<byte> source)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(source);
        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(source[4..]);
        var headers = new KeyValuePair<string, string>[count];
        var o = 8;
        for (var i = 0; i < count; i++)
        {
            var nameLength = BinaryPrimitives.ReadInt32LittleEndian(source[o..]);
            var valueLength = BinaryPrimitives.ReadInt32LittleEndian(source[(o + 4)..]);
            o += 8;
            var name = Text(source, ref o, nameLength);
            headers[i] = new KeyValuePair<string, string>(name, Text(source, ref o, valueLength));
        }

        return new EslEvent(headers, bodyLength < 0 ? null : Text(source, ref o, bodyLength));

        static string Text(ReadOnlySpan<byte> source, ref int o, int chars)
        {
            var text = new string(MemoryMarshal.Cast<byte, char>(source.Slice(o, chars * 2)));
            o += chars * 2;
            return text;
        }
    }

    /// <summary>One journaled event: its sequence (-1 without one), where its bytes start (absolute) and how many (-1: not kept).</summary>
    private readonly record struct Entry(long Sequence, long Start, int Length);
}
