namespace Switch.Registrar;

/// <summary>One contact of a REGISTER, parsed: the URI and the header parameters the registrar uses.</summary>
internal sealed record RegisterContact
{
    /// <summary>The contact URI as sent (inside the angle brackets when name-addr form).</summary>
    public required string Uri { get; init; }

    /// <summary>The whole contact value as sent (display name, URI, header parameters).</summary>
    public required string Value { get; init; }

    /// <summary>The display name without quotes, or null.</summary>
    public string? Display { get; init; }

    /// <summary>The expires parameter, or null when absent or not a number.</summary>
    public long? Expires { get; init; }

    public float? Q { get; init; }

    /// <summary>+sip.instance without its surrounding quotes.</summary>
    public string? InstanceId { get; init; }

    public int? RegId { get; init; }
}
