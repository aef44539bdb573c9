using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Switch.Sip.Auth;

/// <summary>
/// Issues and checks stateless nonces: 16 bytes = issue time (Unix seconds, 4 bytes) + a counter salt (4 bytes)
/// + the first 8 bytes of HMAC-MD5(secret, time | salt | lower-case realm) (RFC 2104, managed: no native call),
/// written like a UUID as FreeSWITCH's nonces look. Any instance can verify a nonce without remembering it; a new
/// process (new secret) treats old nonces as unknown, which the authenticator answers with stale=true.
/// </summary>
internal sealed class DigestNonces
{
    private const int NonceBytes = 16;
    private const int FormattedLength = 36;
    private readonly HmacMd5 _mac;
    private readonly TimeProvider _time;
    private uint _salt = (uint)Random.Shared.Next();

    public DigestNonces(TimeProvider time, TimeSpan lifetime, ReadOnlySpan<byte> secret = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        _time = time;
        Lifetime = lifetime;
        if (secret.IsEmpty)
        {
            Span<byte> key = stackalloc byte[32];
            RandomNumberGenerator.Fill(key);
            _mac = new HmacMd5(key);
            CryptographicOperations.ZeroMemory(key);
        }
        else
        {
            _mac = new HmacMd5(secret);
        }
    }

    public TimeSpan Lifetime { get; }

    public string Issue(string realm)
    {
        Span<byte> nonce = stackalloc byte[NonceBytes];
        var seconds = (uint)_time.GetUtcNow().ToUnixTimeSeconds();
        BinaryPrimitives.WriteUInt32BigEndian(nonce, seconds);
        // The salt only makes nonces of one second unique (the MAC makes them unforgeable): a counter does that.
        BinaryPrimitives.WriteUInt32BigEndian(nonce.Slice(4, 4), Interlocked.Increment(ref _salt));
        Sign(nonce[..8], realm, nonce[8..]);
        return Format(nonce);
    }

    /// <summary>Checks a nonce for a realm; <paramref name="issuedAt"/> is set whenever the nonce is ours.</summary>
    public NonceStatus Check(ReadOnlySpan<char> nonce, string realm, out DateTimeOffset issuedAt)
    {
        issuedAt = default;
        Span<byte> bytes = stackalloc byte[NonceBytes];
        if (!TryParse(nonce, bytes))
        {
            return NonceStatus.Unknown;
        }
        Span<byte> expected = stackalloc byte[8];
        Sign(bytes[..8], realm, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[8..]))
        {
            return NonceStatus.Unknown;
        }

        issuedAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(bytes));
        var now = _time.GetUtcNow();
        if (issuedAt > now + TimeSpan.FromSeconds(2))
        {
            return NonceStatus.Unknown;
        }
        return now - issuedAt > Lifetime ? NonceStatus.Expired : NonceStatus.Valid;
    }

    private void Sign(ReadOnlySpan<byte> timeAndSalt, string realm, Span<byte> destination)
    {
        var realmLength = Encoding.UTF8.GetMaxByteCount(realm.Length);
        Span<byte> input = realmLength <= 512 ? stackalloc byte[8 + realmLength] : new byte[8 + realmLength];
        timeAndSalt.CopyTo(input);
        var used = 8 + Encoding.UTF8.GetBytes(realm, input[8..]);
        for (var i = 8; i < used; i++)
        {
            if (input[i] is >= (byte)'A' and <= (byte)'Z')
            {
                input[i] = (byte)(input[i] + 32);
            }
        }
        Span<byte> mac = stackalloc byte[HmacMd5.MacSize];
        _ = _mac.Compute(input[..used], mac);
        mac[..destination.Length].CopyTo(destination);
    }

    private static string Format(ReadOnlySpan<byte> b)
    {
        Span<char> chars = stackalloc char[FormattedLength];
        var c = 0;
        for (var i = 0; i < NonceBytes; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                chars[c++] = '-';
            }
            chars[c++] = Hex(b[i] >> 4);
            chars[c++] = Hex(b[i] & 0xF);
        }
        return new string(chars);
    }

    private static bool TryParse(ReadOnlySpan<char> s, Span<byte> destination)
    {
        if (s.Length != FormattedLength || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
        {
            return false;
        }
        var b = 0;
        for (var i = 0; i < FormattedLength; i++)
        {
            if (i is 8 or 13 or 18 or 23)
            {
                continue;
            }
            var hi = FromHex(s[i]);
            var lo = FromHex(s[i + 1]);
            if (hi < 0 || lo < 0)
            {
                return false;
            }
            destination[b++] = (byte)((hi << 4) | lo);
            i++;
        }
        return true;
    }

    private static char Hex(int n) => (char)(n < 10 ? '0' + n : 'a' + n - 10);

    private static int FromHex(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
