using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Switch.Sip.Auth;

/// <summary>
/// MD5 (RFC 1321) in managed code for the digest hot path. The platform's MD5 goes through OpenSSL 3, whose
/// per-call context set-up costs several microseconds, many times the hash of a digest's short input; this one
/// allocates nothing and hashes 100 bytes in a fraction of a microsecond. A hash can start from a saved
/// <see cref="Md5State"/> (what <see cref="HmacMd5"/> keeps of its key). Checked against the platform
/// implementation and RFC 1321's test suite in the unit tests. Not for anything but RFC 2617/7616 digest and
/// the nonce MAC.
/// </summary>
internal static class Md5
{
    public const int HashSize = 16;

    public const int BlockSize = 64;

    /// <summary>Writes the 16-byte MD5 of <paramref name="source"/> to <paramref name="destination"/>; returns 16.</summary>
    public static int HashData(ReadOnlySpan<byte> source, Span<byte> destination) =>
        Finish(Md5State.Initial, 0, source, destination);

    /// <summary>The state after <paramref name="block"/> (exactly 64 bytes) follows what <paramref name="state"/> absorbed.</summary>
    public static Md5State Absorb(Md5State state, ReadOnlySpan<byte> block)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(block.Length, BlockSize);
        Compress(block, ref state);
        return state;
    }

    /// <summary>
    /// Hashes <paramref name="source"/> after <paramref name="absorbed"/> bytes (a multiple of 64) that
    /// <paramref name="state"/> holds, writing the 16-byte digest to <paramref name="destination"/>; returns 16.
    /// </summary>
    public static int Finish(Md5State state, long absorbed, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var full = source.Length & ~(BlockSize - 1);
        for (var offset = 0; offset < full; offset += BlockSize)
        {
            Compress(source.Slice(offset, BlockSize), ref state);
        }

        // The tail, 0x80, zeros, and the bit length: one or two final blocks.
        Span<byte> last = stackalloc byte[2 * BlockSize];
        last.Clear();
        var tail = source[full..];
        tail.CopyTo(last);
        last[tail.Length] = 0x80;
        var blocks = tail.Length < 56 ? 1 : 2;
        BinaryPrimitives.WriteUInt64LittleEndian(last.Slice((blocks * BlockSize) - 8, 8), (ulong)(absorbed + source.Length) * 8);
        for (var i = 0; i < blocks; i++)
        {
            Compress(last.Slice(i * BlockSize, BlockSize), ref state);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination, state.A);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], state.B);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], state.C);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], state.D);
        return HashSize;
    }

    private static void Compress(ReadOnlySpan<byte> block, ref Md5State state)
    {
        var m0 = BinaryPrimitives.ReadUInt32LittleEndian(block);
        var m1 = BinaryPrimitives.ReadUInt32LittleEndian(block[4..]);
        var m2 = BinaryPrimitives.ReadUInt32LittleEndian(block[8..]);
        var m3 = BinaryPrimitives.ReadUInt32LittleEndian(block[12..]);
        var m4 = BinaryPrimitives.ReadUInt32LittleEndian(block[16..]);
        var m5 = BinaryPrimitives.ReadUInt32LittleEndian(block[20..]);
        var m6 = BinaryPrimitives.ReadUInt32LittleEndian(block[24..]);
        var m7 = BinaryPrimitives.ReadUInt32LittleEndian(block[28..]);
        var m8 = BinaryPrimitives.ReadUInt32LittleEndian(block[32..]);
        var m9 = BinaryPrimitives.ReadUInt32LittleEndian(block[36..]);
        var m10 = BinaryPrimitives.ReadUInt32LittleEndian(block[40..]);
        var m11 = BinaryPrimitives.ReadUInt32LittleEndian(block[44..]);
        var m12 = BinaryPrimitives.ReadUInt32LittleEndian(block[48..]);
        var m13 = BinaryPrimitives.ReadUInt32LittleEndian(block[52..]);
        var m14 = BinaryPrimitives.ReadUInt32LittleEndian(block[56..]);
        var m15 = BinaryPrimitives.ReadUInt32LittleEndian(block[60..]);
        uint a = state.A, b = state.B, c = state.C, d = state.D;

        a = F(a, b, c, d, m0, 0xd76aa478, 7); d = F(d, a, b, c, m1, 0xe8c7b756, 12);
        c = F(c, d, a, b, m2, 0x242070db, 17); b = F(b, c, d, a, m3, 0xc1bdceee, 22);
        a = F(a, b, c, d, m4, 0xf57c0faf, 7); d = F(d, a, b, c, m5, 0x4787c62a, 12);
        c = F(c, d, a, b, m6, 0xa8304613, 17); b = F(b, c, d, a, m7, 0xfd469501, 22);
        a = F(a, b, c, d, m8, 0x698098d8, 7); d = F(d, a, b, c, m9, 0x8b44f7af, 12);
        c = F(c, d, a, b, m10, 0xffff5bb1, 17); b = F(b, c, d, a, m11, 0x895cd7be, 22);
        a = F(a, b, c, d, m12, 0x6b901122, 7); d = F(d, a, b, c, m13, 0xfd987193, 12);
        c = F(c, d, a, b, m14, 0xa679438e, 17); b = F(b, c, d, a, m15, 0x49b40821, 22);

        a = G(a, b, c, d, m1, 0xf61e2562, 5); d = G(d, a, b, c, m6, 0xc040b340, 9);
        c = G(c, d, a, b, m11, 0x265e5a51, 14); b = G(b, c, d, a, m0, 0xe9b6c7aa, 20);
        a = G(a, b, c, d, m5, 0xd62f105d, 5); d = G(d, a, b, c, m10, 0x02441453, 9);
        c = G(c, d, a, b, m15, 0xd8a1e681, 14); b = G(b, c, d, a, m4, 0xe7d3fbc8, 20);
        a = G(a, b, c, d, m9, 0x21e1cde6, 5); d = G(d, a, b, c, m14, 0xc33707d6, 9);
        c = G(c, d, a, b, m3, 0xf4d50d87, 14); b = G(b, c, d, a, m8, 0x455a14ed, 20);
        a = G(a, b, c, d, m13, 0xa9e3e905, 5); d = G(d, a, b, c, m2, 0xfcefa3f8, 9);
        c = G(c, d, a, b, m7, 0x676f02d9, 14); b = G(b, c, d, a, m12, 0x8d2a4c8a, 20);

        a = H(a, b, c, d, m5, 0xfffa3942, 4); d = H(d, a, b, c, m8, 0x8771f681, 11);
        c = H(c, d, a, b, m11, 0x6d9d6122, 16); b = H(b, c, d, a, m14, 0xfde5380c, 23);
        a = H(a, b, c, d, m1, 0xa4beea44, 4); d = H(d, a, b, c, m4, 0x4bdecfa9, 11);
        c = H(c, d, a, b, m7, 0xf6bb4b60, 16); b = H(b, c, d, a, m10, 0xbebfbc70, 23);
        a = H(a, b, c, d, m13, 0x289b7ec6, 4); d = H(d, a, b, c, m0, 0xeaa127fa, 11);
        c = H(c, d, a, b, m3, 0xd4ef3085, 16); b = H(b, c, d, a, m6, 0x04881d05, 23);
        a = H(a, b, c, d, m9, 0xd9d4d039, 4); d = H(d, a, b, c, m12, 0xe6db99e5, 11);
        c = H(c, d, a, b, m15, 0x1fa27cf8, 16); b = H(b, c, d, a, m2, 0xc4ac5665, 23);

        a = I(a, b, c, d, m0, 0xf4292244, 6); d = I(d, a, b, c, m7, 0x432aff97, 10);
        c = I(c, d, a, b, m14, 0xab9423a7, 15); b = I(b, c, d, a, m5, 0xfc93a039, 21);
        a = I(a, b, c, d, m12, 0x655b59c3, 6); d = I(d, a, b, c, m3, 0x8f0ccc92, 10);
        c = I(c, d, a, b, m10, 0xffeff47d, 15); b = I(b, c, d, a, m1, 0x85845dd1, 21);
        a = I(a, b, c, d, m8, 0x6fa87e4f, 6); d = I(d, a, b, c, m15, 0xfe2ce6e0, 10);
        c = I(c, d, a, b, m6, 0xa3014314, 15); b = I(b, c, d, a, m13, 0x4e0811a1, 21);
        a = I(a, b, c, d, m4, 0xf7537e82, 6); d = I(d, a, b, c, m11, 0xbd3af235, 10);
        c = I(c, d, a, b, m2, 0x2ad7d2bb, 15); b = I(b, c, d, a, m9, 0xeb86d391, 21);

        state = new Md5State(state.A + a, state.B + b, state.C + c, state.D + d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint F(uint a, uint b, uint c, uint d, uint m, uint k, int s) =>
        b + BitOperations.RotateLeft(a + ((b & c) | (~b & d)) + k + m, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint G(uint a, uint b, uint c, uint d, uint m, uint k, int s) =>
        b + BitOperations.RotateLeft(a + ((d & b) | (~d & c)) + k + m, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint H(uint a, uint b, uint c, uint d, uint m, uint k, int s) =>
        b + BitOperations.RotateLeft(a + (b ^ c ^ d) + k + m, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint I(uint a, uint b, uint c, uint d, uint m, uint k, int s) =>
        b + BitOperations.RotateLeft(a + (c ^ (b | ~d)) + k + m, s);
}
