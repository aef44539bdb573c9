namespace Switch.Sip.Auth;

/// <summary>The digest hash algorithms of RFC 7616 §3.3 / RFC 8760 that the switch verifies.</summary>
internal enum DigestAlgorithm
{
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
}
