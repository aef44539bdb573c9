using Switch.Media;

namespace Switch.Tests.Media;

public sealed class G711Tests
{
    [Theory]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0xFE, 8)]
    [InlineData(0xEF, 132)]
    [InlineData(0x7E, -8)]
    public void MuLaw_decodes_to_the_ITU_reference_values(int code, int linear) =>
        Assert.Equal(linear, G711.MuLawToLinear((byte)code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xD4, 24)]
    [InlineData(0xC5, 264)]
    public void ALaw_decodes_to_the_ITU_reference_values(int code, int linear) =>
        Assert.Equal(linear, G711.ALawToLinear((byte)code));

    [Theory]
    [InlineData(0, 0xFF, 0xD5)]
    [InlineData(-1, 0x7F, 0x55)]
    [InlineData(short.MaxValue, 0x80, 0xAA)]
    [InlineData(short.MinValue, 0x00, 0x2A)]
    [InlineData(1000, 0xCE, 0xFA)]
    [InlineData(-1000, 0x4E, 0x7A)]
    public void Encodes_like_the_ITU_G191_reference(int linear, int muLaw, int aLaw)
    {
        Assert.Equal(muLaw, G711.LinearToMuLaw((short)linear));
        Assert.Equal(aLaw, G711.LinearToALaw((short)linear));
    }

    [Fact]
    public void Every_code_survives_decode_then_encode()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(code, G711.LinearToALaw(G711.ALawToLinear((byte)code)));
            var expectedMu = code == 0x7F ? 0xFF : code;
            Assert.Equal(expectedMu, G711.LinearToMuLaw(G711.MuLawToLinear((byte)code)));
        }
    }

    [Fact]
    public void Quantisation_is_monotonic_and_within_half_a_step()
    {
        int previousMu = short.MinValue, previousA = short.MinValue;
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var mu = G711.MuLawToLinear(G711.LinearToMuLaw((short)x));
            var a = G711.ALawToLinear(G711.LinearToALaw((short)x));
            Assert.True(mu >= previousMu && a >= previousA, $"not monotonic at {x}");
            previousMu = mu;
            previousA = a;

            // Step sizes grow with the segment: 1/16 of the magnitude bounds half a step (plus the smallest steps).
            var magnitude = Math.Min(Math.Abs(x), 32124);
            Assert.True(Math.Abs(mu - Math.Clamp(x, -32124, 32124)) <= (magnitude / 16) + 8, $"mu-law error at {x}: {mu}");
            Assert.True(Math.Abs(a - Math.Clamp(x, -32256, 32256)) <= (magnitude / 16) + 16, $"A-law error at {x}: {a}");
        }
    }

    [Theory]
    [InlineData(0xFF, 0xD5)]
    [InlineData(0x80, 0xAA)]
    [InlineData(0x7F, 0x55)]
    [InlineData(0xCF, 0xF8)]
    [InlineData(0xF0, 0xD2)]
    public void MuLaw_to_ALaw_uses_the_G711_conversion_table(int mu, int a) =>
        Assert.Equal(a, G711.MuLawToALaw((byte)mu));

    [Theory]
    [InlineData(0xD5, 0xFE)]
    [InlineData(0xAA, 0x80)]
    [InlineData(0x55, 0x7E)]
    public void ALaw_to_MuLaw_uses_the_G711_conversion_table(int a, int mu) =>
        Assert.Equal(mu, G711.ALawToMuLaw((byte)a));

    [Fact]
    public void Conversions_are_sign_symmetric_and_close_to_the_linear_value()
    {
        for (var code = 0; code < 256; code++)
        {
            var b = (byte)code;
            Assert.Equal(G711.MuLawToALaw(b) ^ 0x80, G711.MuLawToALaw((byte)(b ^ 0x80)));
            Assert.Equal(G711.ALawToMuLaw(b) ^ 0x80, G711.ALawToMuLaw((byte)(b ^ 0x80)));

            var viaA = G711.ALawToLinear(G711.MuLawToALaw(b));
            var mu = G711.MuLawToLinear(b);
            Assert.True(Math.Abs(viaA - mu) <= (Math.Abs(mu) / 8) + 16, $"mu {code:X2}: {mu} -> {viaA}");
            var viaMu = G711.MuLawToLinear(G711.ALawToMuLaw(b));
            var a = G711.ALawToLinear(b);
            Assert.True(Math.Abs(viaMu - a) <= (Math.Abs(a) / 8) + 16, $"A {code:X2}: {a} -> {viaMu}");
        }
    }

    [Fact]
    public void ALaw_through_MuLaw_and_back_is_transparent_except_where_MuLaw_is_coarser()
    {
        // A-law magnitudes that share a μ-law code with a neighbour (G.711 Table 4 maps two codes to one).
        int[] merged = [25, 27, 29, 31, 44, 46, 62, 80];
        for (var magnitude = 0; magnitude < 128; magnitude++)
        {
            foreach (var code in new[] { 0xD5 ^ magnitude, 0x55 ^ magnitude })
            {
                var back = G711.MuLawToALaw(G711.ALawToMuLaw((byte)code));
                Assert.Equal(!merged.Contains(magnitude), back == code);
            }
        }
    }

    [Fact]
    public void Span_transcoding_matches_the_scalar_tables_and_works_in_place()
    {
        var mu = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var a = new byte[256];

        G711.MuLawToALaw(mu, a);
        G711.ALawToMuLaw(a, a);

        for (var i = 0; i < 256; i++)
        {
            Assert.Equal(G711.ALawToMuLaw(G711.MuLawToALaw((byte)i)), a[i]);
        }

        short[] pcm = [0, 1000, -1000, short.MaxValue];
        var encoded = new byte[4];
        G711.Encode(G711Law.ALaw, pcm, encoded);
        Assert.Equal(new byte[] { 0xD5, 0xFA, 0x7A, 0xAA }, encoded);
        var decoded = new short[4];
        G711.Decode(G711Law.ALaw, encoded, decoded);
        Assert.Equal(G711.ALawToLinear(0xFA), decoded[1]);
    }
}
