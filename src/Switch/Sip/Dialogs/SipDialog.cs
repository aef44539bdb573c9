using System.Globalization;
using System.Net;
using System.Text;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Sip.Dialogs;

/// <summary>
/// One SIP dialog (RFC 3261 §12) as a UAS or UAC: identity, the local and remote party (From/To with tags),
/// the remote target (the peer's Contact), the route set (Record-Route), both CSeq counters, and where
/// in-dialog requests go on the wire. Builds in-dialog requests (BYE, re-INVITE, UPDATE, INFO) and the ACK
/// for a 2xx. Not thread-safe: its owner (a call leg) uses it from one mailbox. Keeps no message, only what
/// in-dialog requests need, compactly (the parties and the remote target as UTF-8, the route set as an array):
/// a dialog lives as long as its call.
/// </summary>
internal sealed class SipDialog
{
    private string[] _routeSet;
    private byte[] _remoteTarget;
    private readonly byte[] _localParty;
    private byte[] _remoteParty;

    private SipDialog(SipDialogId id, bool isUac, string localParty, string remoteParty, SipUri remoteTarget,
        string[] routeSet, uint localCSeq, uint? remoteCSeq, SipTarget target, string localContact, SipDialogState state)
    {
        Id = id;
        IsUac = isUac;
        _localParty = Encoding.UTF8.GetBytes(localParty);
        _remoteParty = Encoding.UTF8.GetBytes(remoteParty);
        _remoteTarget = Encoding.UTF8.GetBytes(remoteTarget.ToString());
        _routeSet = routeSet;
        LocalCSeq = localCSeq;
        RemoteCSeq = remoteCSeq;
        Target = target;
        LocalContact = localContact;
        State = state;
    }

    public SipDialogId Id { get; }

    /// <summary>True when this side sent the INVITE that created the dialog.</summary>
    public bool IsUac { get; }

    /// <summary>Our From (UAC) or To (UAS) header value, with our tag.</summary>
    public string LocalParty => Encoding.UTF8.GetString(_localParty);

    /// <summary>The peer's From/To header value, with its tag.</summary>
    public string RemoteParty => Encoding.UTF8.GetString(_remoteParty);

    /// <summary>The Request-URI of in-dialog requests: the peer's Contact (kept as text, parsed when a request is built).</summary>
    public SipUri RemoteTarget => SipUri.Parse(Encoding.UTF8.GetString(_remoteTarget));

    /// <summary>Route header values for in-dialog requests, in the order they are sent.</summary>
    public IReadOnlyList<string> RouteSet => _routeSet;

    /// <summary>The CSeq of the last request this side sent in the dialog.</summary>
    public uint LocalCSeq { get; private set; }

    /// <summary>The CSeq of the last request received in the dialog, if any.</summary>
    public uint? RemoteCSeq { get; private set; }

    /// <summary>Where in-dialog requests are sent (the flow the peer used: NAT-safe, and the TCP connection to reuse).</summary>
    public SipTarget Target { get; private set; }

    /// <summary>Our Contact header value.</summary>
    public string LocalContact { get; }

    public SipDialogState State { get; private set; }

    /// <summary>
    /// The dialog a UAS creates by answering <paramref name="invite"/> with a To tag (a provisional response
    /// makes it early, a 2xx confirmed). The route set is the INVITE's Record-Route in order; requests go back
    /// over the flow the INVITE came in on.
    /// </summary>
    public static SipDialog CreateUas(SipRequest invite, string localTag, SipFlow flow, string localContact, bool confirmed = false)
    {
        var remoteTarget = invite.Contacts.Count > 0 && !invite.Contacts[0].IsWildcard ? invite.Contacts[0].Uri : invite.From!.Uri;
        var routes = RouteSetOf(invite, reverse: false);
        var localParty = invite.GetHeader(SipHeaderNames.To)! + ";tag=" + localTag;
        var id = new SipDialogId(invite.CallId!, localTag, invite.FromTag ?? string.Empty);
        return new SipDialog(id, isUac: false, localParty, invite.GetHeader(SipHeaderNames.From)!, remoteTarget, routes,
            localCSeq: (uint)Random.Shared.Next(1, 1 << 24), remoteCSeq: invite.CSeq!.Value.Number, flow.ToTarget(), localContact,
            confirmed ? SipDialogState.Confirmed : SipDialogState.Early);
    }

    /// <summary>
    /// The dialog a UAC creates from a response with a To tag to its <paramref name="invite"/>. The route set is
    /// the response's Record-Route reversed; requests go to <paramref name="target"/> (where the INVITE went)
    /// unless the route set names an address. <paramref name="callId"/> and <paramref name="localTag"/>, when given,
    /// are the INVITE's Call-ID and From tag as the caller already holds them (one string each instead of two).
    /// </summary>
    public static SipDialog CreateUac(SipRequest invite, SipResponse response, SipTarget target, string localContact,
        string? callId = null, string? localTag = null)
    {
        var routes = RouteSetOf(response, reverse: true);
        var remoteTarget = response.Contacts.Count > 0 && !response.Contacts[0].IsWildcard ? response.Contacts[0].Uri : invite.RequestUri;
        var id = new SipDialogId(callId ?? invite.CallId!, localTag ?? invite.FromTag ?? string.Empty, response.ToTag ?? string.Empty);
        var state = response.IsSuccess ? SipDialogState.Confirmed : SipDialogState.Early;
        return new SipDialog(id, isUac: true, invite.GetHeader(SipHeaderNames.From)!, response.GetHeader(SipHeaderNames.To)!, remoteTarget,
            routes, invite.CSeq!.Value.Number, remoteCSeq: null, RouteTarget(routes, target), localContact, state);
    }

    /// <summary>
    /// A UAC's early dialog confirmed by a 2xx: the remote target and route set are taken from the 2xx
    /// (RFC 3261 §13.2.2.4).
    /// </summary>
    public void Confirm(SipResponse success)
    {
        if (State == SipDialogState.Terminated)
        {
            return;
        }
        if (IsUac)
        {
            _routeSet = RouteSetOf(success, reverse: true);
            if (success.GetHeader(SipHeaderNames.To) is { } to)
            {
                _remoteParty = Encoding.UTF8.GetBytes(to);
            }
            Target = RouteTarget(_routeSet, Target);
        }
        RefreshTarget(success);
        State = SipDialogState.Confirmed;
    }

    /// <summary>A UAS's dialog confirmed by the 2xx it sent.</summary>
    public void ConfirmAsUas()
    {
        if (State == SipDialogState.Early)
        {
            State = SipDialogState.Confirmed;
        }
    }

    public void Terminate() => State = SipDialogState.Terminated;

    /// <summary>Target refresh (re-INVITE, UPDATE and their 2xx): a new Contact replaces the remote target.</summary>
    public void RefreshTarget(SipMessage message)
    {
        if (message.Contacts.Count > 0 && !message.Contacts[0].IsWildcard)
        {
            _remoteTarget = Encoding.UTF8.GetBytes(message.Contacts[0].Uri.ToString());
        }
    }

    /// <summary>
    /// Checks the CSeq of an in-dialog request from the peer (RFC 3261 §12.2.2): lower than the last one is out
    /// of order (answer 500); otherwise it becomes the remote CSeq. ACK and CANCEL are not checked.
    /// </summary>
    public bool TryAcceptRemoteCSeq(SipRequest request)
    {
        if (request.IsAck || request.IsCancel || request.CSeq is not { } cseq)
        {
            return true;
        }
        if (RemoteCSeq is { } last && cseq.Number <= last)
        {
            return false;
        }
        RemoteCSeq = cseq.Number;
        return true;
    }

    /// <summary>
    /// A new in-dialog request (RFC 3261 §12.2.1.1): Request-URI = remote target, Route = route set, From/To
    /// with tags, Call-ID, the next local CSeq, Max-Forwards 70, and Contact for target-refresh requests.
    /// The transaction layer adds the Via.
    /// </summary>
    public SipMessageBuilder CreateRequest(string method)
    {
        LocalCSeq++;
        var builder = SipMessageBuilder.Request(method, RemoteTarget);
        foreach (var route in _routeSet)
        {
            builder.AddHeader(SipHeaderNames.Route, route);
        }
        builder.AddHeader(SipHeaderNames.MaxForwards, "70")
            .AddRaw(SipHeaderId.From, SipHeaderNames.From, _localParty)
            .AddRaw(SipHeaderId.To, SipHeaderNames.To, _remoteParty)
            .AddHeader(SipHeaderNames.CallId, Id.CallId)
            .AddHeader(SipHeaderNames.CSeq, LocalCSeq.ToString(CultureInfo.InvariantCulture) + " " + method);
        if (method is SipMethod.Invite or SipMethod.Update or SipMethod.Subscribe or SipMethod.Refer or SipMethod.Notify)
        {
            builder.AddHeader(SipHeaderNames.Contact, LocalContact);
        }
        return builder;
    }

    /// <summary>The ACK for a 2xx to the INVITE with CSeq <paramref name="inviteCSeq"/> (same number, method ACK; RFC 3261 §13.2.2.4).</summary>
    public SipMessageBuilder CreateAck(uint inviteCSeq)
    {
        var builder = SipMessageBuilder.Request(SipMethod.Ack, RemoteTarget);
        foreach (var route in _routeSet)
        {
            builder.AddHeader(SipHeaderNames.Route, route);
        }
        return builder.AddHeader(SipHeaderNames.MaxForwards, "70")
            .AddRaw(SipHeaderId.From, SipHeaderNames.From, _localParty)
            .AddRaw(SipHeaderId.To, SipHeaderNames.To, _remoteParty)
            .AddHeader(SipHeaderNames.CallId, Id.CallId)
            .AddHeader(SipHeaderNames.CSeq, inviteCSeq.ToString(CultureInfo.InvariantCulture) + " " + SipMethod.Ack);
    }

    /// <summary>True when <paramref name="message"/> belongs to this dialog (Call-ID and both tags, from its direction).</summary>
    public bool Matches(SipMessage message, bool fromPeer)
    {
        if (!string.Equals(message.CallId, Id.CallId, StringComparison.Ordinal))
        {
            return false;
        }
        var (local, remote) = fromPeer == message is SipRequest ? (message.ToTag, message.FromTag) : (message.FromTag, message.ToTag);
        return string.Equals(local, Id.LocalTag, StringComparison.Ordinal) && string.Equals(remote, Id.RemoteTag, StringComparison.Ordinal);
    }

    /// <summary>The Record-Route values of a message in order (reversed for a UAC), or the shared empty array.</summary>
    private static string[] RouteSetOf(SipMessage message, bool reverse)
    {
        var recordRoutes = message.RecordRoutes;
        if (recordRoutes.Count == 0)
        {
            return [];
        }
        var routes = new string[recordRoutes.Count];
        for (var i = 0; i < routes.Length; i++)
        {
            routes[reverse ? routes.Length - 1 - i : i] = recordRoutes[i].ToString();
        }
        return routes;
    }

    /// <summary>The first route's address when it is an IP literal (loose routing), else the fallback.</summary>
    private static SipTarget RouteTarget(string[] routes, SipTarget fallback)
    {
        if (routes.Length == 0 || !SipNameAddr.TryParse(routes[0], out var first))
        {
            return fallback;
        }
        var uri = first.Uri;
        var host = uri.Host.Length > 1 && uri.Host[0] == '[' ? uri.Host[1..^1] : uri.Host;
        if (!IPAddress.TryParse(host, out var address))
        {
            return fallback;
        }
        var transport = string.Equals(uri.GetParameter("transport"), "tcp", StringComparison.OrdinalIgnoreCase)
            ? SipTransportType.Tcp
            : fallback.Transport;
        var endPoint = new IPEndPoint(address, uri.Port ?? 5060);
        return endPoint.Equals(fallback.EndPoint) ? fallback : new SipTarget(transport, endPoint);
    }
}
