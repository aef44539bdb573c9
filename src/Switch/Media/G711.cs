namespace Switch.Media;

/// <summary>
/// ITU-T G.711 μ-law (PCMU) and A-law (PCMA), table driven and allocation-free. Encoding follows the ITU-T
/// G.191 reference (one's complement of negative samples, so -1 encodes like 0); the μ-law ↔ A-law code
/// conversions are G.711's own conversion tables (not a round trip through linear).
/// </summary>
internal static class G711
{
    /// <summary>Silence: the code of linear 0.</summary>
    public const byte MuLawSilence = 0xFF;

    /// <summary>Silence: the code of linear 0 (+8).</summary>
    public const byte ALawSilence = 0xD5;

    // G.711 conversion tables as 0-based magnitude maps: index = magnitude code of the source law (0 = smallest),
    // value = magnitude code of the target law. Positive μ-law code = 0xFF ^ magnitude, A-law = 0xD5 ^ magnitude.
    private static ReadOnlySpan<byte> MuToAMagnitude =>
    [
        0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7,
        8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
        24, 26, 28, 30, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
        45, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61,
        63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78,
        79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
        96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
        112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
    ];

    private static ReadOnlySpan<byte> AToMuMagnitude =>
    [
        1, 3, 5, 7, 9, 11, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23,
        24, 25, 26, 27, 28, 29, 30, 31, 32, 32, 33, 33, 34, 34, 35, 35,
        36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 48, 49, 49,
        50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 64,
        65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80,
        80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
        96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
        112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
    ];

    private static readonly short[] s_muLawToLinear = BuildDecodeTable(ExpandMuLaw);
    private static readonly short[] s_aLawToLinear = BuildDecodeTable(ExpandALaw);
    private static readonly byte[] s_linearToMuLaw = BuildEncodeTable(14, CompressMuLaw);
    private static readonly byte[] s_linearToALaw = BuildEncodeTable(12, CompressALaw);
    private static readonly byte[] s_muLawToALaw = BuildConversion(MuToAMagnitude, 0xFF, 0xD5);
    private static readonly byte[] s_aLawToMuLaw = BuildConversion(AToMuMagnitude, 0xD5, 0xFF);

    public static short MuLawToLinear(byte code) => s_muLawToLinear[code];

    public static short ALawToLinear(byte code) => s_aLawToLinear[code];

    public static byte LinearToMuLaw(short sample) => s_linearToMuLaw[(ushort)sample >> 2];

    public static byte LinearToALaw(short sample) => s_linearToALaw[(ushort)sample >> 4];

    public static byte MuLawToALaw(byte code) => s_muLawToALaw[code];

    public static byte ALawToMuLaw(byte code) => s_aLawToMuLaw[code];

    /// <summary>μ-law → A-law, in place allowed (same length).</summary>
    public static void MuLawToALaw(ReadOnlySpan<byte> source, Span<byte> destination) => Map(source, destination, s_muLawToALaw);

    /// <summary>A-law → μ-law, in place allowed (same length).</summary>
    public static void ALawToMuLaw(ReadOnlySpan<byte> source, Span<byte> destination) => Map(source, destination, s_aLawToMuLaw);

    public static void Decode(G711Law law, ReadOnlySpan<byte> source, Span<short> destination)
    {
        var table = law == G711Law.MuLaw ? s_muLawToLinear : s_aLawToLinear;
        var count = Math.Min(source.Length, destination.Length);
        for (var i = 0; i < count; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    public static void Encode(G711Law law, ReadOnlySpan<short> source, Span<byte> destination)
    {
        var count = Math.Min(source.Length, destination.Length);
        if (law == G711Law.MuLaw)
        {
            var table = s_linearToMuLaw;
            for (var i = 0; i < count; i++)
            {
                destination[i] = table[(ushort)source[i] >> 2];
            }
        }
        else
        {
            var table = s_linearToALaw;
            for (var i = 0; i < count; i++)
            {
                destination[i] = table[(ushort)source[i] >> 4];
            }
        }
    }

    public static byte Silence(G711Law law) => law == G711Law.MuLaw ? MuLawSilence : ALawSilence;

    private static void Map(ReadOnlySpan<byte> source, Span<byte> destination, byte[] table)
    {
        var count = Math.Min(source.Length, destination.Length);
        for (var i = 0; i < count; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    // G.191 ulaw_expand.
    private static short ExpandMuLaw(byte code)
    {
        var sign = code < 0x80 ? -1 : 1;
        var inverted = ~code;
        var exponent = (inverted >> 4) & 0x07;
        var mantissa = inverted & 0x0F;
        var step = 4 << (exponent + 1);
        return (short)(sign * ((0x80 << exponent) + (step * mantissa) + (step / 2) - (4 * 33)));
    }

    // G.191 alaw_expand.
    private static short ExpandALaw(byte code)
    {
        var ix = (code ^ 0x55) & 0x7F;
        var exponent = ix >> 4;
        var mantissa = ix & 0x0F;
        if (exponent > 0)
        {
            mantissa += 16;
        }

        mantissa = (mantissa << 4) + 0x08;
        if (exponent > 1)
        {
            mantissa <<= exponent - 1;
        }

        return (short)(code > 127 ? mantissa : -mantissa);
    }

    // G.191 ulaw_compress on a 16-bit sample.
    private static byte CompressMuLaw(short sample)
    {
        var magnitude = (sample < 0 ? (~sample) >> 2 : sample >> 2) + 33;
        if (magnitude > 0x1FFF)
        {
            magnitude = 0x1FFF;
        }

        var segment = 1;
        for (var i = magnitude >> 6; i != 0; i >>= 1)
        {
            segment++;
        }

        var high = 0x08 - segment;
        var low = 0x0F - ((magnitude >> segment) & 0x0F);
        var code = (high << 4) | low;
        return (byte)(sample >= 0 ? code | 0x80 : code);
    }

    // G.191 alaw_compress on a 16-bit sample.
    private static byte CompressALaw(short sample)
    {
        var ix = sample < 0 ? (~sample) >> 4 : sample >> 4;
        if (ix > 15)
        {
            var exponent = 1;
            while (ix > 16 + 15)
            {
                ix >>= 1;
                exponent++;
            }

            ix -= 16;
            ix += exponent << 4;
        }

        if (sample >= 0)
        {
            ix |= 0x80;
        }

        return (byte)(ix ^ 0x55);
    }

    private static short[] BuildDecodeTable(Func<byte, short> expand)
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            table[code] = expand((byte)code);
        }

        return table;
    }

    // Index = the top 'bits' bits of the 16-bit sample (as unsigned); the codec ignores the bits below.
    private static byte[] BuildEncodeTable(int bits, Func<short, byte> compress)
    {
        var shift = 16 - bits;
        var table = new byte[1 << bits];
        for (var index = 0; index < table.Length; index++)
        {
            table[index] = compress((short)(index << shift));
        }

        return table;
    }

    private static byte[] BuildConversion(ReadOnlySpan<byte> magnitudes, byte sourcePositive, byte targetPositive)
    {
        const byte signBit = 0x80;
        var table = new byte[256];
        for (var code = 0; code < 256; code++)
        {
            var positive = (code & signBit) != 0;
            var magnitude = (code ^ sourcePositive) & 0x7F;
            var target = magnitudes[magnitude];
            table[code] = (byte)(positive ? targetPositive ^ target : (targetPositive & 0x7F) ^ target);
        }

        return table;
    }
}
