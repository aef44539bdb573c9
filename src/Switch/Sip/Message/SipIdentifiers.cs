using System.Security.Cryptography;

namespace Switch.Sip.Message;

/// <summary>Random tags, branches and Call-IDs (RFC 3261 §19.3: at least 32 bits of randomness, globally unique).</summary>
internal static class SipIdentifiers
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>A From/To tag: 13 random alphanumerics (~77 bits), FreeSWITCH-like.</summary>
    public static string NewTag() => Random(13);

    /// <summary>A Via branch: the magic cookie plus 20 random alphanumerics.</summary>
    public static string NewBranch() => string.Concat(SipVia.MagicCookie, Random(20));

    /// <summary>A Call-ID: 24 random alphanumerics, optionally "@host".</summary>
    public static string NewCallId(string? host = null) => host is null ? Random(24) : Random(24) + "@" + host;

    private static string Random(int length) =>
        string.Create(length, 0, static (span, _) => RandomNumberGenerator.GetItems(Alphabet, span));
}
