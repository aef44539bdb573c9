namespace Switch.Calls;

/// <summary>One endpoint of a dial string: where a single outbound leg goes.</summary>
internal abstract record DialEndpoint
{
    private protected DialEndpoint()
    {
    }
}

/// <summary><c>user/&lt;id&gt;[@&lt;domain&gt;]</c>: every registered binding of a directory user.</summary>
internal sealed record UserEndpoint(string User, string? Domain) : DialEndpoint
{
    public override string ToString() => Domain is null ? $"user/{User}" : $"user/{User}@{Domain}";
}

/// <summary>
/// <c>sofia/&lt;profile&gt;/&lt;target&gt;</c>: a SIP URI dialled directly. <see cref="Uri"/> is the target as
/// written, with a <c>sip:</c> scheme added when missing (e.g. <c>sip:1000@192.0.2.5:5060</c>).
/// </summary>
internal sealed record SofiaEndpoint(string Profile, string Uri) : DialEndpoint
{
    public override string ToString() => $"sofia/{Profile}/{Uri}";
}

/// <summary><c>error/&lt;cause&gt;</c>: fails at once with that cause (FreeSWITCH's error endpoint).</summary>
internal sealed record ErrorEndpoint(HangupCause Cause) : DialEndpoint
{
    public override string ToString() => $"error/{HangupCauses.ToName(Cause)}";
}
