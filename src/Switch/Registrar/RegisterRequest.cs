using System.Net;

namespace Switch.Registrar;

/// <summary>
/// The facts of a REGISTER the registrar decides on, independent of the SIP message classes: the SIP layer
/// adapter fills it from the parsed request and the transport's view of the source.
/// </summary>
internal sealed record RegisterRequest
{
    /// <summary>The To URI scheme (sip, sips, tel, ...), lower case.</summary>
    public required string ToScheme { get; init; }

    /// <summary>The To URI user part; null or empty when absent.</summary>
    public string? ToUser { get; init; }

    public required string ToHost { get; init; }

    /// <summary>The To display name without quotes, or null.</summary>
    public string? ToDisplay { get; init; }

    public string? FromUser { get; init; }

    public string? FromHost { get; init; }

    public required string CallId { get; init; }

    public required uint CSeq { get; init; }

    /// <summary>The Expires header value in seconds, or null when absent.</summary>
    public long? Expires { get; init; }

    /// <summary>True for <c>Contact: *</c>.</summary>
    public bool ContactWildcard { get; init; }

    /// <summary>The contacts in order; empty for a query (or with the wildcard).</summary>
    public IReadOnlyList<RegisterContact> Contacts { get; init; } = [];

    /// <summary>The Authorization header value, or null.</summary>
    public string? Authorization { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>Path header values joined with ", " (RFC 3327), or null.</summary>
    public string? Path { get; init; }

    /// <summary>The source address and port the request came from.</summary>
    public required IPEndPoint Source { get; init; }

    public required BindingTransport Transport { get; init; }

    /// <summary>The TCP/TLS connection it arrived on, or null for UDP.</summary>
    public long? ConnectionId { get; init; }
}
