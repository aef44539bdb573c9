using System.Security.Cryptography;
using System.Text;

namespace Switch.Tests.Calls.Sip;

/// <summary>Computes an RFC 2617 digest response (MD5, qop=auth) for a challenge, as a phone would.</summary>
internal static class DigestTestClient
{
    public static string Answer(string challenge, string user, string password, string method, string uri)
    {
        string Param(string name)
        {
            var at = challenge.IndexOf(name + "=", StringComparison.OrdinalIgnoreCase);
            var start = at + name.Length + 1;
            if (challenge[start] == '"')
            {
                return challenge[(start + 1)..challenge.IndexOf('"', start + 1)];
            }
            var end = challenge.IndexOf(',', start);
            return (end < 0 ? challenge[start..] : challenge[start..end]).Trim();
        }

        var realm = Param("realm");
        var nonce = Param("nonce");
        const string cnonce = "0a4f113b";
        const string nc = "00000001";
        var ha1 = Md5($"{user}:{realm}:{password}");
        var ha2 = Md5($"{method}:{uri}");
        var response = Md5($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}");
        return $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm=MD5, qop=auth, nc={nc}, cnonce=\"{cnonce}\"";
    }

    private static string Md5(string text) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
