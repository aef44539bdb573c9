using System.Buffers.Binary;

namespace Switch.Media;

/// <summary>
/// RIFF/WAVE header reading and writing. Reads PCM 16-bit mono at 8 or 16 kHz and G.711 (A-law 6, μ-law 7)
/// mono at 8 kHz, skipping unknown chunks; a data size of 0 or past the end of the file (a recording still being
/// written, or cut short by a crash) means "to the end of the file".
/// </summary>
internal readonly record struct WavHeader(WavEncoding Encoding, int SampleRate, long DataOffset, long DataLength)
{
    public const int CanonicalLength = 44;
    private const ushort Extensible = 0xFFFE;

    public int BytesPerSample => Encoding == WavEncoding.Pcm16 ? 2 : 1;

    public static WavError TryRead(Stream stream, out WavHeader header)
    {
        header = default;
        Span<byte> riff = stackalloc byte[12];
        if (!TryReadExactly(stream, riff) ||
            !riff[..4].SequenceEqual("RIFF"u8) || !riff[8..12].SequenceEqual("WAVE"u8))
        {
            return WavError.NotRiffWave;
        }

        Span<byte> chunk = stackalloc byte[8];
        Span<byte> format = stackalloc byte[40];
        WavEncoding? encoding = null;
        var sampleRate = 0;
        while (TryReadExactly(stream, chunk))
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                if (size < 16 || size > 1024)
                {
                    return WavError.UnsupportedFormat;
                }

                var take = (int)Math.Min(size, (uint)format.Length);
                if (!TryReadExactly(stream, format[..take]))
                {
                    return WavError.MissingFormat;
                }

                Skip(stream, size - (uint)take + (size & 1));
                var error = ParseFormat(format[..take], out var parsedEncoding, out sampleRate);
                if (error != WavError.None)
                {
                    return error;
                }

                encoding = parsedEncoding;
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                if (encoding is null)
                {
                    return WavError.MissingFormat;
                }

                var offset = stream.Position;
                var available = Math.Max(0, stream.Length - offset);
                var length = size == 0 || size > available ? available : size;
                header = new WavHeader(encoding.Value, sampleRate, offset, length);
                return WavError.None;
            }
            else
            {
                Skip(stream, size + (size & 1));
            }
        }

        return encoding is null ? WavError.MissingFormat : WavError.MissingData;
    }

    private static WavError ParseFormat(ReadOnlySpan<byte> format, out WavEncoding encoding, out int sampleRate)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(format);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(format[2..]);
        sampleRate = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(format[4..]));
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(format[14..]);
        if (tag == Extensible && format.Length >= 26)
        {
            tag = BinaryPrimitives.ReadUInt16LittleEndian(format[24..]);
        }

        encoding = (WavEncoding)tag;
        var supported = channels == 1 && encoding switch
        {
            WavEncoding.Pcm16 => bits == 16 && sampleRate is 8000 or 16000,
            WavEncoding.ALaw or WavEncoding.MuLaw => bits == 8 && sampleRate == 8000,
            _ => false,
        };
        return supported ? WavError.None : WavError.UnsupportedFormat;
    }

    /// <summary>Writes a 44-byte PCM header; sizes describe <paramref name="dataLength"/> bytes of samples.</summary>
    public static void WritePcm16(Span<byte> destination, int sampleRate, uint dataLength)
    {
        "RIFF"u8.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], 36 + dataLength);
        "WAVE"u8.CopyTo(destination[8..]);
        "fmt "u8.CopyTo(destination[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], (ushort)WavEncoding.Pcm16);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[28..], (uint)sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[34..], 16);
        "data"u8.CopyTo(destination[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[40..], dataLength);
    }

    private static bool TryReadExactly(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                return false;
            }

            total += read;
        }

        return true;
    }

    private static void Skip(Stream stream, long count) => stream.Seek(count, SeekOrigin.Current);
}
