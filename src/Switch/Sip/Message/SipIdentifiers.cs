using System.Security.Cryptography;

namespace Switch.Sip.Message;

/// <summary>
/// Random tags, branches and Call-IDs (RFC 3261 §19.3: at least 32 bits of randomness, globally unique). The
/// randomness is the platform's cryptographic generator, drawn a few kilobytes at a time per thread: one call per
/// hundreds of identifiers instead of one (into OpenSSL) each.
/// </summary>
internal static class SipIdentifiers
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int PoolSize = 4096;

    [ThreadStatic]
    private static byte[]? t_pool;

    [ThreadStatic]
    private static int t_used;

    /// <summary>A From/To tag: 13 random alphanumerics (~77 bits), FreeSWITCH-like.</summary>
    public static string NewTag() => Random(13);

    /// <summary>A Via branch: the magic cookie plus 20 random alphanumerics.</summary>
    public static string NewBranch() =>
        string.Create(SipVia.MagicCookie.Length + 20, 0, static (span, _) =>
        {
            SipVia.MagicCookie.CopyTo(span);
            Fill(span[SipVia.MagicCookie.Length..]);
        });

    /// <summary>A Call-ID: 24 random alphanumerics, optionally "@host".</summary>
    public static string NewCallId(string? host = null) => host is null ? Random(24) : Random(24) + "@" + host;

    private static string Random(int length) => string.Create(length, 0, static (span, _) => Fill(span));

    /// <summary>Uniform alphanumerics: a random byte's low six bits pick one of 62 letters, 62 and 63 are drawn again.</summary>
    private static void Fill(Span<char> destination)
    {
        var pool = t_pool;
        var used = t_used;
        if (pool is null)
        {
            pool = t_pool = new byte[PoolSize];
            used = PoolSize;
        }

        var i = 0;
        while (i < destination.Length)
        {
            if (used == PoolSize)
            {
                RandomNumberGenerator.Fill(pool);
                used = 0;
            }

            var pick = pool[used] & 63;
            pool[used++] = 0;
            if (pick < Alphabet.Length)
            {
                destination[i++] = Alphabet[pick];
            }
        }

        t_used = used;
    }
}
