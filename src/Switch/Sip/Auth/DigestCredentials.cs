namespace Switch.Sip.Auth;

/// <summary>
/// The digest response a client sent in an Authorization or Proxy-Authorization header (RFC 7616 §3.4,
/// RFC 3261 §22.4). Parse with <see cref="TryParse"/>; it never throws on hostile input.
/// </summary>
internal sealed partial record DigestCredentials
{
    /// <summary>Longest header value accepted; real clients send a few hundred characters.</summary>
    public const int MaxLength = 4096;

    public required string Username { get; init; }
    public required string Realm { get; init; }
    public required string Nonce { get; init; }
    public required string Uri { get; init; }

    /// <summary>The request-digest as sent (hex; compared case-insensitively).</summary>
    public required string Response { get; init; }

    /// <summary>MD5 when the client sent no algorithm parameter (RFC 2617 default).</summary>
    public DigestAlgorithm Algorithm { get; init; } = DigestAlgorithm.Md5;

    /// <summary>True when the client named the algorithm explicitly.</summary>
    public bool AlgorithmGiven { get; init; }

    public string? Cnonce { get; init; }

    /// <summary>"auth", or null for the legacy RFC 2069 form without qop.</summary>
    public string? Qop { get; init; }

    /// <summary>The nc value exactly as sent (8 hex digits), needed verbatim in the hash.</summary>
    public string? NonceCountText { get; init; }

    /// <summary>nc parsed as a number; 0 when there is no qop.</summary>
    public uint NonceCount { get; init; }

    public string? Opaque { get; init; }

    /// <summary>RFC 7616 userhash=true: the username is H(user:realm). Not supported by the directory.</summary>
    public bool UserHash { get; init; }
}
