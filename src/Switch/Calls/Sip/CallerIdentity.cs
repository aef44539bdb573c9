using Switch.Sip.Message;

namespace Switch.Calls.Sip;

/// <summary>
/// Who an INVITE says is calling: P-Asserted-Identity, else Remote-Party-ID, else From (as mod_sofia reads
/// caller id). The name falls back to the number when no display name is given.
/// </summary>
internal readonly record struct CallerIdentity(string? Name, string Number)
{
    public static CallerIdentity Of(SipRequest invite)
    {
        var from = invite.From;
        var source = TryParse(invite.GetHeader(SipHeaderNames.PAssertedIdentity))
            ?? TryParse(invite.GetHeader(SipHeaderNames.RemotePartyId))
            ?? from;
        var number = source?.Uri is { User: { Length: > 0 } user } ? user : from?.Uri.User ?? "anonymous";
        var name = source?.DisplayName is { Length: > 0 } display ? display : from?.DisplayName;
        return new CallerIdentity(string.IsNullOrEmpty(name) ? number : name, number);
    }

    private static SipNameAddr? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var first = value.Split(',')[0];
        return SipNameAddr.TryParse(first, out var parsed) && !parsed.IsWildcard ? parsed : null;
    }
}
