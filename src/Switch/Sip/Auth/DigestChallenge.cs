using System.Text;

namespace Switch.Sip.Auth;

/// <summary>
/// One WWW-Authenticate / Proxy-Authenticate challenge, formatted as FreeSWITCH writes it:
/// <c>Digest realm="example.com", nonce="...", algorithm=MD5, qop="auth"</c>, with <c>stale=true,</c>
/// inserted after the nonce on a re-challenge.
/// </summary>
internal sealed record DigestChallenge(string Realm, string Nonce, DigestAlgorithm Algorithm, bool Stale)
{
    public override string ToString()
    {
        var sb = new StringBuilder(96 + Realm.Length + Nonce.Length);
        sb.Append("Digest realm=");
        AppendQuoted(sb, Realm);
        sb.Append(", nonce=");
        AppendQuoted(sb, Nonce);
        sb.Append(',');
        if (Stale)
        {
            sb.Append(" stale=true,");
        }
        sb.Append(" algorithm=").Append(AlgorithmToken(Algorithm)).Append(", qop=\"auth\"");
        return sb.ToString();
    }

    /// <summary>The algorithm token as written on the wire (MD5, SHA-256, MD5-sess, SHA-256-sess).</summary>
    public static string AlgorithmToken(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Sess => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    private static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        sb.Append('"');
    }
}
