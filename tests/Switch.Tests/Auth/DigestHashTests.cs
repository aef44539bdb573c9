using Switch.Sip.Auth;

namespace Switch.Tests.Auth;

public sealed class DigestHashTests
{
    [Fact]
    public void Rfc2617_section_3_5_worked_example()
    {
        var response = DigestHash.ComputeResponse(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com",
            "Circle Of Life", "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001",
            "0a4f113b");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616_section_3_9_1_examples(string token, string expected)
    {
        Assert.True(DigestCredentials.TryParseAlgorithm(token, out var algorithm));
        var response = DigestHash.ComputeResponse(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life",
            "GET", "/dir/index.html", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "auth", "00000001",
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        Assert.Equal(expected, response);
    }

    [Fact]
    public void Rfc2069_form_without_qop_matches_the_errata_vector()
    {
        var response = DigestHash.ComputeResponse(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com",
            "CircleOfLife", "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", null, null, null);

        Assert.Equal("1949323746fe6a43ef61f9606e7febea", response);
    }

    [Fact]
    public void Ha1_is_md5_of_user_realm_password()
    {
        // RFC 7616 §3.9.1 does not print HA1; this is MD5("Mufasa:testrealm@host.com:Circle Of Life").
        Assert.Equal("939e7578ed9e3c518a452acee763bce9",
            DigestHash.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life"));
    }

    [Fact]
    public void Sess_variants_hash_the_nonce_and_cnonce_into_ha1()
    {
        var plain = DigestHash.ComputeHa1(DigestAlgorithm.Sha256, "u", "r", "p");
        var sess = DigestHash.ComputeHa1(DigestAlgorithm.Sha256Sess, "u", "r", "p", "n", "c");

        Assert.Equal(64, sess.Length);
        Assert.NotEqual(plain, sess);
        Assert.Equal(sess, DigestHash.ComputeHa1(DigestAlgorithm.Sha256Sess, "u", "r", "p", "n", "c"));
        Assert.NotEqual(sess, DigestHash.ComputeHa1(DigestAlgorithm.Sha256Sess, "u", "r", "p", "n", "other"));
    }

    [Fact]
    public void Long_inputs_use_the_pooled_buffer_and_still_hash_correctly()
    {
        var longUri = "sip:" + new string('a', 3000) + "@example.com";
        var viaPool = DigestHash.ComputeResponse(DigestAlgorithm.Md5, "u", "r", "p", "REGISTER", longUri, "n",
            "auth", "00000001", "c");
        var ha1 = System.Security.Cryptography.MD5.HashData("u:r:p"u8.ToArray());
        var ha2 = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("REGISTER:" + longUri));
        var expected = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{Hex(ha1)}:n:00000001:c:auth:{Hex(ha2)}"));

        Assert.Equal(Hex(expected), viaPool);
    }

    private static string Hex(byte[] b) => Convert.ToHexString(b).ToLowerInvariant();
}
