namespace Switch.Client;

/// <summary>How <see cref="EventSocketConnection.OriginateAsync"/> places a call.</summary>
public sealed record OriginateOptions
{
    /// <summary>The new leg's <c>Unique-ID</c> (<c>origination_uuid</c>); a fresh UUID when null.</summary>
    public string? UniqueId { get; init; }

    /// <summary>Caller id number shown to the called phone (<c>origination_caller_id_number</c>).</summary>
    public string? CallerIdNumber { get; init; }

    /// <summary>Caller id name (<c>origination_caller_id_name</c>).</summary>
    public string? CallerIdName { get; init; }

    /// <summary>How long to ring before giving up with NO_ANSWER (<c>originate_timeout</c>, whole seconds); switch default when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Application run on the leg once it answers; <c>park</c> leaves it to the controller.</summary>
    public string Application { get; init; } = "park";

    /// <summary>Argument of <see cref="Application"/>.</summary>
    public string? ApplicationArgument { get; init; }

    /// <summary>More channel variables for the <c>{…}</c> block.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Variables { get; init; } = [];
}
