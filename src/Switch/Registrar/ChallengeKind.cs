namespace Switch.Registrar;

/// <summary>Which digest exchange a request is in: registrar/UAS (401) or proxy-style (407, used for INVITE).</summary>
internal enum ChallengeKind
{
    /// <summary>Authorization answered with 401 and WWW-Authenticate.</summary>
    WwwAuthenticate = 401,

    /// <summary>Proxy-Authorization answered with 407 and Proxy-Authenticate.</summary>
    ProxyAuthenticate = 407,
}
