using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Switch.Sip.Auth;

namespace Switch.Tests.Auth;

public sealed class HmacMd5Tests
{
    // RFC 2202 §2, the HMAC-MD5 test cases.
    [Theory]
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "Hi There", "9294727a3638bb1c13f48ef8158bfc9d")]
    [InlineData("4a656665", "what do ya want for nothing?", "750c783e6ab0b503eaa86e310a5db738")]
    [InlineData("0102030405060708090a0b0c0d0e0f10111213141516171819", null, "697eaf0aca3a3aea3a75164746ffaa79")]
    [InlineData("0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c", "Test With Truncation", "56461ef2342edc00f9bab995690efd4c")]
    [InlineData(null, "Test Using Larger Than Block-Size Key - Hash Key First", "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd")]
    [InlineData(null, "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data", "6f630fad67cda0ee1fb1f562db3aa53e")]
    public void Rfc2202_test_cases(string? keyHex, string? data, string expected)
    {
        var key = keyHex is null ? Enumerable.Repeat((byte)0xaa, 80).ToArray() : Convert.FromHexString(keyHex);
        var message = data is null ? Enumerable.Repeat((byte)0xcd, 50).ToArray() : Encoding.ASCII.GetBytes(data);
        Span<byte> mac = stackalloc byte[16];
        Assert.Equal(16, new HmacMd5(key).Compute(message, mac));
        Assert.Equal(expected, Convert.ToHexStringLower(mac));
    }

    [Fact]
    public void Random_keys_and_messages_match_the_platform() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<byte[]>(), (key, message) =>
        {
            var ours = new byte[16];
            new HmacMd5(key).Compute(message, ours);
            return HMACMD5.HashData(key, message).AsSpan().SequenceEqual(ours);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Every_key_and_message_length_around_the_block_size_matches_the_platform()
    {
        var data = new byte[300];
        new Random(11).NextBytes(data);
        var ours = new byte[16];
        for (var keyLength = 0; keyLength <= 130; keyLength += 13)
        {
            var mac = new HmacMd5(data.AsSpan(0, keyLength));
            for (var length = 0; length <= 140; length++)
            {
                mac.Compute(data.AsSpan(keyLength / 2, length), ours);
                Assert.True(HMACMD5.HashData(data.AsSpan(0, keyLength), data.AsSpan(keyLength / 2, length)).AsSpan().SequenceEqual(ours), $"key {keyLength}, message {length}");
            }
        }
    }
}
