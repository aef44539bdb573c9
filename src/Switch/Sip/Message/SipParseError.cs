namespace Switch.Sip.Message;

/// <summary>
/// Why a message did not parse: the kind, the header involved (canonical name, or the name as written) and a
/// human-readable detail that fits in a reason phrase. <see cref="Partial"/> is set for requests whose Via was
/// readable, so that a 400 can be sent.
/// </summary>
internal readonly record struct SipParseError(SipParseErrorKind Kind, string? Header, string Detail, SipPartialRequest? Partial = null)
{
    public static readonly SipParseError None = new(SipParseErrorKind.None, null, string.Empty);

    public bool IsError => Kind != SipParseErrorKind.None;

    /// <summary>A short reason phrase such as "Bad CSeq: number out of range".</summary>
    public string ReasonPhrase => Header is null ? Detail : "Bad " + Header + ": " + Detail;

    public override string ToString() => $"{Kind}: {ReasonPhrase}";
}
