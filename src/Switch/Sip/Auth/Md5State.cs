namespace Switch.Sip.Auth;

/// <summary>The four MD5 chaining words after a whole number of 64-byte blocks (RFC 1321 §3.3).</summary>
internal readonly record struct Md5State(uint A, uint B, uint C, uint D)
{
    /// <summary>The initial words of RFC 1321 §3.3.</summary>
    public static Md5State Initial => new(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476);
}
