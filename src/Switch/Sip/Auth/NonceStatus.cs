namespace Switch.Sip.Auth;

/// <summary>What <see cref="DigestNonces.Check"/> found out about a nonce a client sent back.</summary>
internal enum NonceStatus
{
    /// <summary>Issued by this process for this realm, within its lifetime.</summary>
    Valid,

    /// <summary>Issued by this process for this realm, but its lifetime is over.</summary>
    Expired,

    /// <summary>Not one of ours: forged, mangled, for another realm, or from before a restart.</summary>
    Unknown,
}
