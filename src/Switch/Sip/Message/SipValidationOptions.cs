namespace Switch.Sip.Message;

/// <summary>What the validator accepts. Defaults suit the switch as a B2BUA / registrar.</summary>
internal sealed record SipValidationOptions
{
    /// <summary>Option tags the switch implements; Require with any other gets 420.</summary>
    public IReadOnlySet<string> SupportedExtensions { get; init; } =
        new HashSet<string>(["timer", "path", "replaces", "outbound", "100rel"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Request-URI schemes the switch serves; others get 416.</summary>
    public IReadOnlySet<string> SupportedSchemes { get; init; } =
        new HashSet<string>(["sip", "sips", "tel"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Body types accepted in INVITE/UPDATE/PRACK; others get 415 with Accept.</summary>
    public IReadOnlySet<string> AcceptedContentTypes { get; init; } =
        new HashSet<string>(["application/sdp", "multipart/mixed"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Messages above this size get 513 (RFC 3261 §18.1.1 allows refusing what does not fit).</summary>
    public int MaxMessageBytes { get; init; } = 65535;
}
