namespace Switch.Sip.Auth;

/// <summary>The decision on one digest response; the registrar maps it to a SIP status.</summary>
internal enum DigestVerdict
{
    /// <summary>Correct response, fresh nonce, new nonce-count.</summary>
    Authenticated,

    /// <summary>The nonce is expired or not ours: challenge again with stale=true (401/407).</summary>
    Stale,

    /// <summary>The nonce-count was already used: challenge again with a fresh nonce (not stale).</summary>
    Replayed,

    /// <summary>Wrong password, unknown user, wrong realm or an algorithm not offered: 403.</summary>
    Forbidden,
}
