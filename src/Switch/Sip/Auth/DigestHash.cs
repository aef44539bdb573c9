using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Switch.Sip.Auth;

/// <summary>
/// The digest computations of RFC 2617 §3.2.2 and RFC 7616 §3.4.1: A1, A2 and the request-digest, as
/// lower-case hex. Allocation-free apart from the returned strings; inputs go through a pooled buffer.
/// </summary>
internal static class DigestHash
{
    /// <summary>Length of the hex digest for the algorithm (32 for MD5, 64 for SHA-256).</summary>
    public static int HexLength(DigestAlgorithm algorithm) => IsSha256(algorithm) ? 64 : 32;

    /// <summary>H(username:realm:password), and for -sess algorithms H(H(...):nonce:cnonce).</summary>
    public static string ComputeHa1(DigestAlgorithm algorithm, string username, string realm, string password,
        string? nonce = null, string? cnonce = null)
    {
        Span<char> ha1 = stackalloc char[64];
        var written = WriteHa1(algorithm, username, realm, password, nonce, cnonce, ha1);
        return new string(ha1[..written]);
    }

    /// <summary>The full request-digest a client should send, for a known password.</summary>
    public static string ComputeResponse(DigestAlgorithm algorithm, string username, string realm, string password,
        string method, string uri, string nonce, string? qop, string? nc, string? cnonce)
    {
        Span<char> ha1 = stackalloc char[64];
        var ha1Length = WriteHa1(algorithm, username, realm, password, nonce, cnonce, ha1);
        Span<char> response = stackalloc char[64];
        var length = WriteResponse(algorithm, ha1[..ha1Length], method, uri, nonce, qop, nc, cnonce, response);
        return new string(response[..length]);
    }

    /// <summary>Writes HA1 as hex into <paramref name="destination"/> (64 chars suffice); returns the length.</summary>
    public static int WriteHa1(DigestAlgorithm algorithm, ReadOnlySpan<char> username, ReadOnlySpan<char> realm,
        ReadOnlySpan<char> password, ReadOnlySpan<char> nonce, ReadOnlySpan<char> cnonce, Span<char> destination)
    {
        var length = HashHex(algorithm, destination, username, realm, password);
        if (algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess)
        {
            Span<char> inner = stackalloc char[64];
            destination[..length].CopyTo(inner);
            length = HashHex(algorithm, destination, inner[..length], nonce, cnonce);
        }
        return length;
    }

    /// <summary>
    /// Writes the request-digest for a given HA1 into <paramref name="destination"/>: with qop
    /// H(HA1:nonce:nc:cnonce:qop:HA2), without it H(HA1:nonce:HA2), HA2 = H(method:uri).
    /// </summary>
    public static int WriteResponse(DigestAlgorithm algorithm, ReadOnlySpan<char> ha1, ReadOnlySpan<char> method,
        ReadOnlySpan<char> uri, ReadOnlySpan<char> nonce, ReadOnlySpan<char> qop, ReadOnlySpan<char> nc,
        ReadOnlySpan<char> cnonce, Span<char> destination)
    {
        Span<char> ha2 = stackalloc char[64];
        var ha2Length = HashHex(algorithm, ha2, method, uri);
        return qop.IsEmpty
            ? HashHex(algorithm, destination, ha1, nonce, ha2[..ha2Length])
            : HashHex(algorithm, destination, ha1, nonce, nc, cnonce, qop, ha2[..ha2Length]);
    }

    private static bool IsSha256(DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Sess;

    private static int HashHex(DigestAlgorithm algorithm, Span<char> destination, ReadOnlySpan<char> a,
        ReadOnlySpan<char> b) => HashHex(algorithm, destination, a, b, default, default, default, default, 2);

    private static int HashHex(DigestAlgorithm algorithm, Span<char> destination, ReadOnlySpan<char> a,
        ReadOnlySpan<char> b, ReadOnlySpan<char> c) => HashHex(algorithm, destination, a, b, c, default, default, default, 3);

    private static int HashHex(DigestAlgorithm algorithm, Span<char> destination, ReadOnlySpan<char> a,
        ReadOnlySpan<char> b, ReadOnlySpan<char> c, ReadOnlySpan<char> d, ReadOnlySpan<char> e, ReadOnlySpan<char> f,
        int count = 6)
    {
        var total = count + Encoding.UTF8.GetMaxByteCount(a.Length + b.Length + c.Length + d.Length + e.Length + f.Length);
        byte[]? rented = null;
        var buffer = total <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(total));
        try
        {
            var used = Encoding.UTF8.GetBytes(a, buffer);
            used = Append(buffer, used, b);
            if (count > 2)
            {
                used = Append(buffer, used, c);
            }
            if (count > 3)
            {
                used = Append(buffer, used, d);
                used = Append(buffer, used, e);
                used = Append(buffer, used, f);
            }

            Span<byte> hash = stackalloc byte[32];
            var hashLength = IsSha256(algorithm)
                ? SHA256.HashData(buffer[..used], hash)
                : Md5.HashData(buffer[..used], hash);
            for (var i = 0; i < hashLength; i++)
            {
                destination[2 * i] = LowerHex(hash[i] >> 4);
                destination[(2 * i) + 1] = LowerHex(hash[i] & 0xF);
            }
            return hashLength * 2;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int Append(Span<byte> buffer, int used, ReadOnlySpan<char> part)
    {
        buffer[used++] = (byte)':';
        return used + Encoding.UTF8.GetBytes(part, buffer[used..]);
    }

    private static char LowerHex(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
