using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Switch.Media;

/// <summary>
/// Plays a WAV file as 8 kHz samples, streaming from disk. 16 kHz PCM is reduced to 8 kHz by averaging each
/// pair of samples (a two-tap low-pass then decimation: simple, adequate for prompts).
/// </summary>
internal sealed class WavSource : IAudioSource
{
    private const int ChunkSamples = 320;

    private readonly FileStream _stream;
    private readonly WavHeader _header;
    private readonly byte[] _buffer;
    private long _position;

    private WavSource(FileStream stream, WavHeader header)
    {
        _stream = stream;
        _header = header;
        _buffer = new byte[ChunkSamples * 2 * 2];
        _stream.Position = header.DataOffset;
    }

    public WavEncoding Encoding => _header.Encoding;

    public int SampleRate => _header.SampleRate;

    public static WavError TryOpen(string path, [NotNullWhen(true)] out WavSource? source)
    {
        source = null;
        FileStream? stream = null;
        try
        {
            if (!File.Exists(path))
            {
                return WavError.NotFound;
            }

            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096);
            var error = WavHeader.TryRead(stream, out var header);
            if (error != WavError.None)
            {
                stream.Dispose();
                return error;
            }

            source = new WavSource(stream, header);
            return WavError.None;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stream?.Dispose();
            return e is FileNotFoundException or DirectoryNotFoundException ? WavError.NotFound : WavError.ReadFailed;
        }
    }

    public int Read(Span<short> samples)
    {
        var written = 0;
        while (written < samples.Length)
        {
            var decimation = _header.SampleRate == 16000 ? 2 : 1;
            var wanted = Math.Min(samples.Length - written, ChunkSamples / decimation);
            var bytesWanted = (int)Math.Min(wanted * decimation * _header.BytesPerSample, _header.DataLength - _position);
            bytesWanted -= bytesWanted % (decimation * _header.BytesPerSample);
            if (bytesWanted <= 0)
            {
                break;
            }

            var read = ReadFully(_buffer.AsSpan(0, bytesWanted));
            read -= read % (decimation * _header.BytesPerSample);
            if (read == 0)
            {
                break;
            }

            _position += read;
            written += Convert(_buffer.AsSpan(0, read), samples[written..]);
        }

        return written;
    }

    public bool Rewind()
    {
        _stream.Position = _header.DataOffset;
        _position = 0;
        return true;
    }

    public void Dispose() => _stream.Dispose();

    private int Convert(ReadOnlySpan<byte> bytes, Span<short> samples)
    {
        switch (_header.Encoding)
        {
            case WavEncoding.MuLaw:
                G711.Decode(G711Law.MuLaw, bytes, samples);
                return bytes.Length;
            case WavEncoding.ALaw:
                G711.Decode(G711Law.ALaw, bytes, samples);
                return bytes.Length;
            default:
                if (_header.SampleRate == 16000)
                {
                    var count = bytes.Length / 4;
                    for (var i = 0; i < count; i++)
                    {
                        var a = BinaryPrimitives.ReadInt16LittleEndian(bytes[(i * 4)..]);
                        var b = BinaryPrimitives.ReadInt16LittleEndian(bytes[((i * 4) + 2)..]);
                        samples[i] = (short)((a + b) >> 1);
                    }

                    return count;
                }

                var pcmCount = bytes.Length / 2;
                for (var i = 0; i < pcmCount; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(i * 2)..]);
                }

                return pcmCount;
        }
    }

    private int ReadFully(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = _stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
