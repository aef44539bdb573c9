namespace Switch.Sip.Auth;

/// <summary>Why an Authorization / Proxy-Authorization header value was not usable.</summary>
internal enum DigestParseError
{
    None,

    /// <summary>Empty value or another scheme (Basic, Bearer, ...): not a digest credential at all.</summary>
    NotDigest,

    /// <summary>Broken syntax: unterminated quoted string, missing '=', stray characters.</summary>
    Malformed,

    /// <summary>A value longer than <see cref="DigestCredentials.MaxLength"/> characters.</summary>
    TooLong,

    /// <summary>username, realm, nonce, uri or response is missing (or cnonce/nc with qop).</summary>
    MissingParameter,

    /// <summary>A known parameter appears twice.</summary>
    DuplicateParameter,

    /// <summary>An algorithm the switch does not implement (SHA-512-256, ...).</summary>
    UnsupportedAlgorithm,

    /// <summary>A qop other than "auth" (auth-int is not supported).</summary>
    UnsupportedQop,

    /// <summary>nc is not exactly eight hex digits.</summary>
    InvalidNonceCount,
}
