using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Registrar;

internal sealed partial class RegistrarService
{
    /// <summary>Reads the registrar's facts from a REGISTER; false when To, Call-ID, CSeq or a Contact is unusable.</summary>
    internal static bool TryRead(SipRequest request, SipFlow flow, out RegisterRequest result)
    {
        result = null!;
        if (request.To is not { IsWildcard: false } to || request.CallId is not { } callId || request.CSeq is not { } cseq)
        {
            return false;
        }

        var wildcard = false;
        var contacts = new List<RegisterContact>();
        foreach (var value in request.GetHeaderValues(SipHeaderNames.Contact))
        {
            if (ContactValue.IsWildcard(value))
            {
                wildcard = true;
            }
            else if (ContactValue.TryParse(value, out var contact))
            {
                contacts.Add(contact);
            }
            else
            {
                return false;
            }
        }
        if (wildcard && contacts.Count > 0)
        {
            return false;
        }

        var paths = request.GetHeaders("Path");
        var from = request.From;
        result = new RegisterRequest
        {
            ToScheme = to.Uri.Scheme.ToLowerInvariant(),
            ToUser = to.Uri.User,
            ToHost = to.Uri.HostName,
            ToDisplay = to.DisplayName,
            FromUser = from is { IsWildcard: false } ? from.Uri.User : null,
            FromHost = from is { IsWildcard: false } ? from.Uri.HostName : null,
            CallId = callId,
            CSeq = cseq.Number,
            Expires = request.Expires,
            ContactWildcard = wildcard,
            Contacts = contacts,
            Authorization = request.Authorization,
            UserAgent = request.GetHeader(SipHeaderNames.UserAgent),
            Path = paths.Count == 0 ? null : string.Join(", ", paths),
            Source = flow.Remote,
            Transport = flow.Transport == SipTransportType.Tcp ? BindingTransport.Tcp : BindingTransport.Udp,
            ConnectionId = flow.ConnectionId == 0 ? null : flow.ConnectionId,
        };
        return true;
    }
}
