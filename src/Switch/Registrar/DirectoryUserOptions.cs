namespace Switch.Registrar;

/// <summary>One user of the <c>directory</c> section.</summary>
internal sealed class DirectoryUserOptions
{
    /// <summary>The user part of the AOR and the digest username (FreeSWITCH's user id).</summary>
    public string? Id { get; set; }

    public string? Password { get; set; }

    /// <summary>effective_caller_id_name; defaults to "Extension &lt;id&gt;".</summary>
    public string? DisplayName { get; set; }

    /// <summary>effective_caller_id_number; defaults to the id.</summary>
    public string? CallerIdNumber { get; set; }

    /// <summary>Per-user channel variables (user_context, accountcode, toll_allow, ...).</summary>
    public Dictionary<string, string>? Variables { get; set; }
}
