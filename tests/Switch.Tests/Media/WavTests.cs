using System.Buffers.Binary;
using Switch.Media;

namespace Switch.Tests.Media;

public sealed class WavTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switch-wav-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathFor(string name) => Path.Combine(_directory, name);

    private static WavSource Open(string path)
    {
        Assert.Equal(WavError.None, WavSource.TryOpen(path, out var source));
        return source!;
    }

    private static short[] ReadAll(IAudioSource source)
    {
        var all = new List<short>();
        var buffer = new short[160];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            all.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        return [.. all];
    }

    private static byte[] WavBytes(ushort tag, ushort channels, int rate, ushort bits, byte[] data, bool extraChunk = false)
    {
        var extra = extraChunk ? 12 : 0;
        var bytes = new byte[44 + extra + data.Length];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(22), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28), (uint)(rate * channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(32), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(34), bits);
        var offset = 36;
        if (extraChunk)
        {
            "LIST"u8.CopyTo(bytes.AsSpan(offset));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + 4), 3);
            offset += 12;
        }

        "data"u8.CopyTo(bytes.AsSpan(offset));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + 4), (uint)data.Length);
        data.CopyTo(bytes, offset + 8);
        return bytes;
    }

    [Fact]
    public void Written_files_read_back_sample_for_sample()
    {
        var path = PathFor("round.wav");
        var samples = Enumerable.Range(0, 4000).Select(i => (short)((i * 37) - 30000)).ToArray();
        using (var writer = WavWriter.Create(path))
        {
            writer.Write(samples);
        }

        Assert.Equal(44 + 8000, new FileInfo(path).Length);
        using (var source = Open(path))
        {
            Assert.Equal((WavEncoding.Pcm16, 8000), (source.Encoding, source.SampleRate));
            Assert.Equal(samples, ReadAll(source));
        }
    }

    [Fact]
    public void A_file_still_being_written_is_playable_up_to_the_last_flush()
    {
        var path = PathFor("live.wav");
        using var writer = WavWriter.Create(path);
        var first = Enumerable.Range(0, 8000).Select(i => (short)i).ToArray();
        writer.Write(first);
        writer.Flush();
        writer.Write(new short[800]);

        using var copy = new MemoryStream(File.ReadAllBytes(path));
        Assert.Equal(WavError.None, WavHeader.TryRead(copy, out var header));
        Assert.Equal(16000, header.DataLength);
        using (var source = Open(path))
        {
            Assert.Equal(first, ReadAll(source)[..8000]);
        }
    }

    [Fact]
    public void A_crash_before_any_flush_leaves_a_valid_empty_file()
    {
        var path = PathFor("crash.wav");
        using var writer = WavWriter.Create(path);

        using (var source = Open(path))
        {
            Assert.Empty(ReadAll(source));
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(6)]
    public void Reads_G711_files(int tag)
    {
        var law = tag == 7 ? G711Law.MuLaw : G711Law.ALaw;
        var codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var path = PathFor("g711.wav");
        File.WriteAllBytes(path, WavBytes((ushort)tag, 1, 8000, 8, codes, extraChunk: true));

        using (var source = Open(path))
        {
            var expected = new short[256];
            G711.Decode(law, codes, expected);
            Assert.Equal(expected, ReadAll(source));
        }
    }

    [Fact]
    public void Reads_16kHz_PCM_as_8kHz_keeping_the_tone()
    {
        var pcm = new byte[16000 * 2];
        for (var i = 0; i < 16000; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2), (short)(8000 * Math.Sin(2 * Math.PI * 1000 * i / 16000.0)));
        }

        var path = PathFor("wide.wav");
        File.WriteAllBytes(path, WavBytes(1, 1, 16000, 16, pcm));

        using (var source = Open(path))
        {
            var samples = ReadAll(source);
            Assert.Equal(8000, samples.Length);
            Assert.True(Goertzel.RelativePower(samples, 1000) > 0.9);
        }
    }

    [Theory]
    [InlineData(1, 2, 8000, 16, nameof(WavError.UnsupportedFormat))]
    [InlineData(1, 1, 44100, 16, nameof(WavError.UnsupportedFormat))]
    [InlineData(1, 1, 8000, 8, nameof(WavError.UnsupportedFormat))]
    [InlineData(3, 1, 8000, 32, nameof(WavError.UnsupportedFormat))]
    [InlineData(7, 1, 16000, 8, nameof(WavError.UnsupportedFormat))]
    public void Rejects_unsupported_formats(int tag, int channels, int rate, int bits, string expected)
    {
        var path = PathFor("bad.wav");
        File.WriteAllBytes(path, WavBytes((ushort)tag, (ushort)channels, rate, (ushort)bits, new byte[64]));

        Assert.Equal(expected, WavSource.TryOpen(path, out var source).ToString());
        Assert.Null(source);
    }

    [Fact]
    public void Missing_and_non_wave_files_give_reasons()
    {
        var text = PathFor("text.wav");
        File.WriteAllText(text, "hello, this is not a wave file at all");

        Assert.Equal(WavError.NotFound, WavSource.TryOpen(PathFor("missing.wav"), out _));
        Assert.Equal(WavError.NotRiffWave, WavSource.TryOpen(text, out _));
        Assert.Equal(WavError.NotFound, WavSource.TryOpen(PathFor("no/such/dir/x.wav"), out _));
    }

    [Fact]
    public void Playback_sources_open_by_spec()
    {
        var path = PathFor("prompt.wav");
        using (var writer = WavWriter.Create(path))
        {
            writer.Write(new short[160]);
        }

        Assert.Equal(PlaybackStatus.Completed, PlaybackSources.TryOpen("tone_stream://%(100,0,440)", null, out var tone, out _));
        Assert.IsType<ToneSource>(tone);
        Assert.Equal(PlaybackStatus.Completed, PlaybackSources.TryOpen("silence_stream://500,1400", null, out var silence, out _));
        Assert.IsType<SilenceSource>(silence);
        Assert.Equal(PlaybackStatus.Completed, PlaybackSources.TryOpen("prompt.wav", _directory, out var wav, out _));
        wav!.Dispose();
        Assert.Equal(PlaybackStatus.NotFound, PlaybackSources.TryOpen("nope.wav", _directory, out _, out _));
        Assert.Equal(PlaybackStatus.Failed, PlaybackSources.TryOpen("tone_stream://junk", null, out _, out var error));
        Assert.NotNull(error);
        Assert.Equal(PlaybackStatus.Failed, PlaybackSources.TryOpen("silence_stream://abc", null, out _, out _));
    }
}
