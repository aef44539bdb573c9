using System.Buffers.Binary;

namespace Switch.Media;

/// <summary>
/// Writes 16-bit PCM mono WAV. The header is written first with the sizes known so far and rewritten by
/// <see cref="Flush"/> (call it at least once a second), so a crash leaves a valid file holding everything up
/// to the last flush; <see cref="Dispose"/> writes the final sizes.
/// </summary>
internal sealed class WavWriter : IDisposable
{
    private const uint MaxDataLength = uint.MaxValue - 36;

    private readonly Stream _stream;
    private readonly int _sampleRate;
    private readonly byte[] _scratch = new byte[640];
    private uint _dataLength;
    private bool _dirty;
    private bool _disposed;

    public WavWriter(Stream stream, int sampleRate = 8000)
    {
        _stream = stream;
        _sampleRate = sampleRate;
        Span<byte> header = stackalloc byte[WavHeader.CanonicalLength];
        WavHeader.WritePcm16(header, sampleRate, 0);
        _stream.Write(header);
        _stream.Flush();
    }

    public static WavWriter Create(string path, int sampleRate = 8000)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 8192);
        return new WavWriter(stream, sampleRate);
    }

    public long SamplesWritten => _dataLength / 2;

    public void Write(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!samples.IsEmpty)
        {
            var count = Math.Min(samples.Length, _scratch.Length / 2);
            count = (int)Math.Min(count, (MaxDataLength - _dataLength) / 2);
            if (count == 0)
            {
                return;
            }

            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(_scratch.AsSpan(i * 2), samples[i]);
            }

            _stream.Write(_scratch, 0, count * 2);
            _dataLength += (uint)(count * 2);
            _dirty = true;
            samples = samples[count..];
        }
    }

    /// <summary>Rewrites the RIFF and data sizes and pushes everything to the operating system.</summary>
    public void Flush()
    {
        if (_disposed || !_dirty)
        {
            return;
        }

        Span<byte> size = stackalloc byte[4];
        var end = _stream.Position;
        BinaryPrimitives.WriteUInt32LittleEndian(size, 36 + _dataLength);
        _stream.Position = 4;
        _stream.Write(size);
        BinaryPrimitives.WriteUInt32LittleEndian(size, _dataLength);
        _stream.Position = 40;
        _stream.Write(size);
        _stream.Position = end;
        _stream.Flush();
        _dirty = false;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Flush();
        _disposed = true;
        _stream.Dispose();
    }
}
