using System.Security.Cryptography;

namespace Switch.Sip.Auth;

/// <summary>
/// HMAC-MD5 (RFC 2104) over the managed <see cref="Md5"/>, for signing nonces. The key's inner and outer pad
/// blocks are absorbed once; a MAC of a short message then costs two or three MD5 compressions, nothing
/// allocated, no native call. HMAC's strength does not rest on MD5's collision resistance (RFC 6151 §2.3).
/// Immutable and thread-safe.
/// </summary>
internal sealed class HmacMd5
{
    public const int MacSize = Md5.HashSize;

    private readonly Md5State _inner;
    private readonly Md5State _outer;

    public HmacMd5(ReadOnlySpan<byte> key)
    {
        Span<byte> block = stackalloc byte[Md5.BlockSize];
        block.Clear();
        if (key.Length > Md5.BlockSize)
        {
            Md5.HashData(key, block);
        }
        else
        {
            key.CopyTo(block);
        }

        Span<byte> pad = stackalloc byte[Md5.BlockSize];
        for (var i = 0; i < pad.Length; i++)
        {
            pad[i] = (byte)(block[i] ^ 0x36);
        }

        _inner = Md5.Absorb(Md5State.Initial, pad);
        for (var i = 0; i < pad.Length; i++)
        {
            pad[i] = (byte)(block[i] ^ 0x5c);
        }

        _outer = Md5.Absorb(Md5State.Initial, pad);
        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(pad);
    }

    /// <summary>Writes the 16-byte HMAC of <paramref name="message"/> to <paramref name="destination"/>; returns 16.</summary>
    public int Compute(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        Span<byte> inner = stackalloc byte[Md5.HashSize];
        _ = Md5.Finish(_inner, Md5.BlockSize, message, inner);
        return Md5.Finish(_outer, Md5.BlockSize, inner, destination);
    }
}
