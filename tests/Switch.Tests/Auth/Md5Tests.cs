using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Switch.Sip.Auth;

namespace Switch.Tests.Auth;

public sealed class Md5Tests
{
    // RFC 1321 appendix A.5, the test suite.
    [Theory]
    [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("a", "0cc175b9c0f1b6a831c399e269772661")]
    [InlineData("abc", "900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
    public void Rfc1321_test_suite(string input, string expected)
    {
        Span<byte> hash = stackalloc byte[16];
        Assert.Equal(16, Md5.HashData(Encoding.ASCII.GetBytes(input), hash));
        Assert.Equal(expected, Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Every_length_around_the_block_boundaries_matches_the_platform()
    {
        var data = new byte[300];
        new Random(7).NextBytes(data);
        Span<byte> ours = stackalloc byte[16];
        for (var length = 0; length <= data.Length; length++)
        {
            Md5.HashData(data.AsSpan(0, length), ours);
            Assert.True(MD5.HashData(data.AsSpan(0, length)).AsSpan().SequenceEqual(ours), $"length {length}");
        }
    }

    [Fact]
    public void Random_inputs_match_the_platform() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var ours = new byte[16];
            Md5.HashData(bytes, ours);
            return MD5.HashData(bytes).AsSpan().SequenceEqual(ours);
        }).QuickCheckThrowOnFailure();
}
