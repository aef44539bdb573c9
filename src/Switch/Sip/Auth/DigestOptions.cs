namespace Switch.Sip.Auth;

/// <summary>Digest authentication settings (configuration section <c>auth</c>).</summary>
internal sealed class DigestOptions
{
    /// <summary>
    /// How long a freshly issued nonce is accepted (FreeSWITCH's nonce-ttl, default 60 s). After a successful
    /// REGISTER the nonce stays usable until the registration expires plus this lifetime, as in FreeSWITCH.
    /// </summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Algorithm tokens challenged with ("MD5", "SHA-256"), one challenge header each, in this order; null means
    /// MD5 only, as FreeSWITCH does by default.
    /// </summary>
    public string[]? Algorithms { get; set; }

    /// <summary>Accept RFC 2069 responses without qop (old phones). The nonce lifetime still applies.</summary>
    public bool AllowNoQop { get; set; } = true;

    /// <summary>Most nonces whose nonce-count is remembered; beyond it the oldest are forgotten (and refused).</summary>
    public int MaxTrackedNonces { get; set; } = 200_000;

    /// <summary>The configured algorithms parsed; throws with the key name on a bad token (start-up validation).</summary>
    public IReadOnlyList<DigestAlgorithm> GetAlgorithms()
    {
        if (Algorithms is null || Algorithms.Length == 0)
        {
            return [DigestAlgorithm.Md5];
        }
        var result = new List<DigestAlgorithm>(Algorithms.Length);
        foreach (var token in Algorithms)
        {
            if (!DigestCredentials.TryParseAlgorithm(token, out var algorithm))
            {
                throw new InvalidOperationException($"auth:Algorithms: unsupported digest algorithm '{token}'");
            }
            if (!result.Contains(algorithm))
            {
                result.Add(algorithm);
            }
        }
        return result;
    }
}
