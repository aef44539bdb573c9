using System.Text;

namespace Switch.Sip.Message;

/// <summary>Canonical spellings of the known headers and their compact forms (RFC 3261 §7.3.3, §20).</summary>
internal static class SipHeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string ContentEncoding = "Content-Encoding";
    public const string ContentDisposition = "Content-Disposition";
    public const string Expires = "Expires";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string Allow = "Allow";
    public const string Supported = "Supported";
    public const string Require = "Require";
    public const string ProxyRequire = "Proxy-Require";
    public const string Unsupported = "Unsupported";
    public const string Authorization = "Authorization";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string Subject = "Subject";
    public const string Event = "Event";
    public const string AllowEvents = "Allow-Events";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";
    public const string SessionExpires = "Session-Expires";
    public const string MinExpires = "Min-Expires";
    public const string Date = "Date";
    public const string UserAgent = "User-Agent";
    public const string Server = "Server";
    public const string Accept = "Accept";
    public const string Reason = "Reason";
    public const string Warning = "Warning";
    public const string RetryAfter = "Retry-After";
    public const string RemotePartyId = "Remote-Party-ID";
    public const string PAssertedIdentity = "P-Asserted-Identity";
    public const string Timestamp = "Timestamp";

    private static readonly string[] Canonical =
    [
        string.Empty, Via, From, To, CallId, CSeq, Contact, MaxForwards, ContentLength, ContentType,
        ContentEncoding, ContentDisposition, Expires, Route, RecordRoute, Allow, Supported, Require, ProxyRequire,
        Unsupported, Authorization, ProxyAuthorization, WwwAuthenticate, ProxyAuthenticate, Subject, Event,
        AllowEvents, ReferTo, ReferredBy, SessionExpires, MinExpires, Date, UserAgent, Server, Accept, Reason,
        Warning, RetryAfter, RemotePartyId, PAssertedIdentity, Timestamp,
    ];

    private static readonly byte[][] CanonicalBytes = BuildCanonicalBytes();

    private static readonly SipHeaderId[][] ByFirstLetter = BuildBuckets();

    /// <summary>Canonical name of a known header (empty for Unknown).</summary>
    public static string GetName(SipHeaderId id) => Canonical[(int)id];

    public static ReadOnlySpan<byte> GetNameBytes(SipHeaderId id) => CanonicalBytes[(int)id];

    /// <summary>True for headers whose value may be a comma-separated list (RFC 3261 §7.3.1).</summary>
    public static bool IsList(SipHeaderId id) => id is SipHeaderId.Via or SipHeaderId.Contact or SipHeaderId.Route
        or SipHeaderId.RecordRoute or SipHeaderId.Allow or SipHeaderId.Supported or SipHeaderId.Require
        or SipHeaderId.ProxyRequire or SipHeaderId.Unsupported or SipHeaderId.AllowEvents or SipHeaderId.Accept
        or SipHeaderId.ContentEncoding or SipHeaderId.Warning or SipHeaderId.Reason or SipHeaderId.PAssertedIdentity;

    /// <summary>Maps a header name given as text (any case, long or compact form) to its id.</summary>
    public static SipHeaderId Lookup(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name[0] > 127)
        {
            return SipHeaderId.Unknown;
        }

        if (name.Length == 1)
        {
            Span<byte> one = [(byte)name[0]];
            return Lookup(one);
        }

        foreach (var id in ByFirstLetter[name[0] | 0x20])
        {
            var candidate = Canonical[(int)id];
            if (candidate.Length == name.Length && System.Text.Ascii.EqualsIgnoreCase(candidate, name))
            {
                return id;
            }
        }

        return SipHeaderId.Unknown;
    }

    /// <summary>Maps a header name (any case, long or compact form) to its id.</summary>
    public static SipHeaderId Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return (name[0] | 0x20) switch
            {
                'i' => SipHeaderId.CallId,
                'm' => SipHeaderId.Contact,
                'f' => SipHeaderId.From,
                't' => SipHeaderId.To,
                'v' => SipHeaderId.Via,
                'l' => SipHeaderId.ContentLength,
                'c' => SipHeaderId.ContentType,
                'k' => SipHeaderId.Supported,
                's' => SipHeaderId.Subject,
                'e' => SipHeaderId.ContentEncoding,
                'o' => SipHeaderId.Event,
                'r' => SipHeaderId.ReferTo,
                'u' => SipHeaderId.AllowEvents,
                'x' => SipHeaderId.SessionExpires,
                'b' => SipHeaderId.ReferredBy,
                _ => SipHeaderId.Unknown,
            };
        }

        if (name.IsEmpty)
        {
            return SipHeaderId.Unknown;
        }

        foreach (var id in ByFirstLetter[name[0] | 0x20])
        {
            var candidate = CanonicalBytes[(int)id];
            if (candidate.Length == name.Length && System.Text.Ascii.EqualsIgnoreCase(candidate, name))
            {
                return id;
            }
        }

        return SipHeaderId.Unknown;
    }

    private static SipHeaderId[][] BuildBuckets()
    {
        var lists = new List<SipHeaderId>[256];
        for (var i = 1; i < Canonical.Length; i++)
        {
            (lists[Canonical[i][0] | 0x20] ??= []).Add((SipHeaderId)i);
        }

        return Array.ConvertAll(lists, l => l is null ? [] : l.ToArray());
    }

    private static byte[][] BuildCanonicalBytes()
    {
        var result = new byte[Canonical.Length][];
        for (var i = 0; i < Canonical.Length; i++)
        {
            result[i] = Encoding.ASCII.GetBytes(Canonical[i]);
        }

        return result;
    }
}
