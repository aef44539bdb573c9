using System.Buffers;
using System.Text;

namespace Switch.EventSocket.Tests.Codec;

internal static class Wire
{
    public static string Write(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static byte[] WriteBytes(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name), new UTF8Encoding(false));

    public static EslMessage ReadMessage(string text) => ReadMessage(Encoding.UTF8.GetBytes(text));

    public static EslMessage ReadMessage(byte[] bytes)
    {
        var status = EslMessageReader.TryRead(new ReadOnlySequence<byte>(bytes), EslFramingLimits.Client, out var message, out var consumed);
        Assert.Equal(EslReadStatus.Complete, status);
        Assert.Equal(bytes.Length, new ReadOnlySequence<byte>(bytes).Slice(0, consumed).Length);
        return message!;
    }

    public static EslEvent ParseEventFrame(string frame)
    {
        var message = ReadMessage(frame);
        Assert.True(message.TryGetEvent(out var evt));
        return evt!;
    }

    /// <summary>Builds a multi-segment sequence, one segment per chunk.</summary>
    public static ReadOnlySequence<byte> Segments(params byte[][] chunks)
    {
        if (chunks.Length == 1)
        {
            return new ReadOnlySequence<byte>(chunks[0]);
        }

        var first = new Segment(chunks[0], 0);
        var last = first;
        for (var i = 1; i < chunks.Length; i++)
        {
            last = last.Append(chunks[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
