namespace Switch.Registrar;

/// <summary>
/// The <c>directory</c> configuration section: the domain users register in and its users. With no users the
/// embedded default applies (1000-1019, password 1234), as in FreeSWITCH's vanilla configuration.
/// </summary>
internal sealed class DirectoryOptions
{
    /// <summary>The domain and digest realm; null lets the host choose (usually the listening address).</summary>
    public string? Domain { get; set; }

    /// <summary>Other host names accepted in To/Request-URI as this domain (an IP address, a DNS name).</summary>
    public string[]? Aliases { get; set; }

    public List<DirectoryUserOptions>? Users { get; set; }
}
