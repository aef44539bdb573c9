namespace Switch.Registrar;

/// <summary>
/// The registrar's answer to a REGISTER; the SIP layer adapter turns it into a response. When
/// <see cref="Drop"/> is set nothing is sent at all (a banned source).
/// </summary>
internal sealed record RegisterResult
{
    public required int StatusCode { get; init; }

    public required string ReasonPhrase { get; init; }

    /// <summary>WWW-Authenticate values (401), one header each, in order.</summary>
    public IReadOnlyList<string> Challenges { get; init; } = [];

    /// <summary>Contact values for the 200 OK: every current binding with its <c>;expires=N</c>.</summary>
    public IReadOnlyList<string> Contacts { get; init; } = [];

    /// <summary>Min-Expires for a 423.</summary>
    public int? MinExpires { get; init; }

    /// <summary>The Date header value for a 200 OK (RFC 1123, GMT).</summary>
    public string? Date { get; init; }

    public bool Drop { get; init; }

    public static RegisterResult Dropped { get; } = new() { StatusCode = 0, ReasonPhrase = string.Empty, Drop = true };

    public static RegisterResult Status(int code, string reason) => new() { StatusCode = code, ReasonPhrase = reason };
}
