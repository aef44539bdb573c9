using System.Globalization;
using Switch.Registrar;
using Switch.Sdp;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Calls.Sip;

/// <summary>A new INVITE: controller check, authentication, SDP check, media, then a parked channel.</summary>
internal sealed partial class SipCallHandler
{
    private const string ProfileName = "internal";

    /// <summary>The switch's side when it only checks that an offer could be answered.</summary>
    private static readonly SdpLocalMedia AnyMedia = new("0.0.0.0", 9);

    private void OnInvite(ServerInviteTransaction tx)
    {
        var invite = tx.Request;
        var source = tx.Flow.Remote;
        if (!engine.HasController)
        {
            SipCallLog.NoController(Logger, invite.CallId, source);
            Refuse(tx, 480, "no controller attached");
            return;
        }
        if (UnsupportedRequirement(invite) is { } unsupported)
        {
            SipCallLog.Refused(Logger, invite.CallId, source, 420, "requires " + unsupported);
            tx.TrySendResponse(tx.CreateResponseBuilder(420).AddHeader(SipHeaderNames.Unsupported, unsupported).BuildResponseOnce());
            return;
        }
        if (!TryCheckSessionInterval(tx))
        {
            return;
        }

        DirectoryUser? user = null;
        var trusted = context.Options.IsTrusted(source.Address);
        if (!trusted)
        {
            if (authenticator is null)
            {
                Refuse(tx, 403, "untrusted source and no authenticator");
                return;
            }
            var outcome = authenticator.Authenticate(invite.ProxyAuthorization, SipMethod.Invite, source);
            switch (outcome.Status)
            {
                case AuthenticationStatus.Challenge:
                    var challenge = tx.CreateResponseBuilder(407).AddHeader(SipHeaderNames.UserAgent, context.Options.UserAgent);
                    foreach (var header in outcome.ChallengeHeaders)
                    {
                        challenge.AddHeader(SipHeaderNames.ProxyAuthenticate, header);
                    }
                    tx.TrySendResponse(challenge.BuildResponseOnce());
                    return;
                case AuthenticationStatus.Authenticated:
                    user = outcome.User;
                    break;
                default:
                    Refuse(tx, 403, "authentication failed");
                    return;
            }
        }

        StoredSdp? offer = null;
        if (!invite.Body.IsEmpty)
        {
            if (!SdpSession.TryParse(invite.Body.Span, out var parsed, out _))
            {
                Refuse(tx, 488, "unparseable SDP");
                return;
            }
            if (SdpOfferAnswer.CheckAnswerable(parsed, AnyMedia) != SdpNegotiationError.None)
            {
                Refuse(tx, 488, "no common codec");
                return;
            }
            // The parse is kept: the b-leg's offer and this leg's answer are made from it (then it is dropped).
            offer = StoredSdp.FromBody(invite.Body.Span, parsed);
        }

        var from = invite.From!.Uri;
        // Names, contacts and addresses repeat from call to call: one string each (bounded), not one per channel.
        Span<char> text = stackalloc char[SharedValues.MaxLength];
        var channelName = text.TryWrite(CultureInfo.InvariantCulture, $"sofia/{ProfileName}/{from.User ?? "anonymous"}@{from.Host}", out var written)
            ? context.Shared.Share(text[..written])
            : context.Shared.Share($"sofia/{ProfileName}/{from.User ?? "anonymous"}@{from.Host}");
        ILegMedia? media = null;
        if (context.Options.AnchorMedia && !context.Media.TryCreate(channelName, out media))
        {
            Refuse(tx, 503, "no free RTP port");
            return;
        }

        var accepted = false;
        try
        {
            var uuid = Guid.NewGuid().ToString();
            var sentBy = context.SentBy(tx.Flow.ToTarget());
            var destination = context.Shared.Share(invite.RequestUri.User ?? string.Empty);
            var transport = tx.Flow.Transport == SipTransportType.Tcp ? "tcp" : "udp";
            var contact = text.TryWrite(CultureInfo.InvariantCulture, $"<sip:{destination}@{sentBy};transport={transport}>", out written)
                ? context.Shared.Share(text[..written])
                : context.Shared.Share($"<sip:{destination}@{sentBy};transport={transport}>");
            var leg = new SipInboundLeg(context, uuid, tx, offer, media, contact);
            var caller = CallerIdentity.Of(invite);
            var remoteIp = context.Shared.Share(source.Address.ToString());
            var variables = Variables(tx, remoteIp, user, trusted);
            var shared = context.Shared;
            var inbound = new InboundCall(channelName, SameAs(variables, shared.Share(caller.Name)), SameAs(variables, shared.Share(caller.Number)),
                destination, remoteIp, SameAs(variables, shared.Share(user?.Id ?? from.User)), variables, uuid,
                offer is null ? null : [new("switch_r_sdp", offer)]);
            if (engine.AcceptInbound(inbound, leg) is null)
            {
                _ = leg.HangupAsync(HangupCause.NormalTemporaryFailure, CancellationToken.None);
                return;
            }
            accepted = true;
            context.Legs.Add(leg);
            if (tx.IsCancelled)
            {
                // The CANCEL arrived while the channel was being created.
                leg.OnCancel(null);
            }
        }
        catch when (!accepted && media is not null)
        {
            // No channel owns the media yet: give its port back before the request is answered 500.
            _ = media.DisposeAsync().AsTask();
            throw;
        }
    }

    /// <summary>An option in Require the switch does not implement (RFC 3261 §8.2.2.3: 420), e.g. 100rel; null when all are known.</summary>
    private static string? UnsupportedRequirement(SipRequest request)
    {
        List<string>? unsupported = null;
        foreach (var value in request.GetHeaders(SipHeaderNames.Require))
        {
            foreach (var token in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!token.Equals("timer", StringComparison.OrdinalIgnoreCase))
                {
                    (unsupported ??= []).Add(token);
                }
            }
        }
        return unsupported is null ? null : string.Join(", ", unsupported);
    }

    private void Refuse(ServerInviteTransaction tx, int status, string why)
    {
        SipCallLog.Refused(Logger, tx.Request.CallId, tx.Flow.Remote, status, why);
        tx.TrySendResponse(tx.CreateResponseBuilder(status).AddHeader(SipHeaderNames.UserAgent, context.Options.UserAgent).BuildResponseOnce());
    }

    private bool TryCheckSessionInterval(ServerInviteTransaction tx)
    {
        var value = tx.Request.GetHeader(SipHeaderNames.SessionExpires);
        if (value is null)
        {
            return true;
        }
        var semicolon = value.IndexOf(';');
        var number = (semicolon < 0 ? value : value[..semicolon]).Trim();
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds >= context.Options.MinSessionExpires)
        {
            return true;
        }
        tx.TrySendResponse(tx.CreateResponseBuilder(422)
            .AddHeader("Min-SE", context.Options.MinSessionExpires.ToString(CultureInfo.InvariantCulture)).BuildResponseOnce());
        return false;
    }

    /// <summary>The sip_* and directory variables mod_sofia sets on a new inbound channel.</summary>
    private List<KeyValuePair<string, string>> Variables(ServerInviteTransaction tx, string remoteIp, DirectoryUser? user, bool trusted)
    {
        var invite = tx.Request;
        var from = invite.From!.Uri;
        var to = invite.To!.Uri;
        var requestUri = invite.RequestUri;
        var domain = directory?.Domain ?? requestUri.Host;
        var vars = new List<KeyValuePair<string, string>>(40);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                // Most values repeat from call to call (user, host, address, port, agent): one string each, for every channel alive.
                vars.Add(new KeyValuePair<string, string>(name, SameAs(vars, context.Shared.Share(value))));
            }
        }

        void AddUserAtHost(string name, SipUri uri)
        {
            Span<char> text = stackalloc char[SharedValues.MaxLength];
            var value = TryWriteUserAtHost(uri, text, out var written)
                ? context.Shared.Share(text[..written])
                : context.Shared.Share(UserAtHost(uri));
            if (value.Length > 0)
            {
                vars.Add(new KeyValuePair<string, string>(name, SameAs(vars, value)));
            }
        }

        void AddOwn(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                // A value of this call only (tag, Call-ID): not worth a place among the shared ones.
                vars.Add(new KeyValuePair<string, string>(name, value));
            }
        }

        Add("sip_from_user", from.User);
        AddUserAtHost("sip_from_uri", from);
        Add("sip_from_host", from.Host);
        Add("sip_from_display", invite.From!.DisplayName);
        AddOwn("sip_from_tag", invite.FromTag);
        Add("sip_to_user", to.User);
        AddUserAtHost("sip_to_uri", to);
        Add("sip_to_host", to.Host);
        Add("sip_req_user", requestUri.User);
        AddUserAtHost("sip_req_uri", requestUri);
        Add("sip_req_host", requestUri.Host);
        if (invite.Contacts.Count > 0 && !invite.Contacts[0].IsWildcard)
        {
            var contact = invite.Contacts[0].Uri;
            Add("sip_contact_user", contact.User);
            AddUserAtHost("sip_contact_uri", contact);
            Add("sip_contact_host", contact.Host);
            Add("sip_contact_port", contact.Port is { } port ? PortText(port) : null);
        }
        AddOwn("sip_call_id", invite.CallId);
        var remotePort = PortText(tx.Flow.Remote.Port);
        Add("sip_network_ip", remoteIp);
        Add("sip_network_port", remotePort);
        Add("sip_received_ip", remoteIp);
        Add("sip_received_port", remotePort);
        Add("sip_via_protocol", tx.Flow.Transport == SipTransportType.Tcp ? "tcp" : "udp");
        Add("sip_user_agent", invite.GetHeader(SipHeaderNames.UserAgent));
        Add("sofia_profile_name", ProfileName);
        Add("sip_authorized", "true");
        if (trusted)
        {
            Add("sip_acl_authed_by", "trusted_networks");
        }
        if (user is not null)
        {
            Add("sip_auth_username", user.Id);
            Add("sip_auth_realm", domain);
            Add("user_name", user.Id);
            Add("domain_name", domain);
            Add("effective_caller_id_name", user.EffectiveCallerIdName);
            Add("effective_caller_id_number", user.EffectiveCallerIdNumber);
            foreach (var (name, value) in user.Variables)
            {
                Add(name, value);
            }
        }
        Add("presence_id", (user?.Id ?? from.User) + "@" + domain);
        return vars;
    }

    /// <summary>The string already among <paramref name="variables"/> with the same text as <paramref name="value"/>, else <paramref name="value"/>.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private static string? SameAs(List<KeyValuePair<string, string>> variables, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }
        foreach (var (_, existing) in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(variables))
        {
            if (string.Equals(existing, value, StringComparison.Ordinal))
            {
                return existing;
            }
        }
        return value;
    }

    /// <summary>A port as text; the usual SIP ports without a new string each time.</summary>
    private static string PortText(int port) => port switch
    {
        5060 => "5060",
        5061 => "5061",
        5080 => "5080",
        _ => port.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>user@host[:port] written into <paramref name="destination"/> (false when it does not fit).</summary>
    private static bool TryWriteUserAtHost(SipUri uri, Span<char> destination, out int written) =>
        uri.User is null
            ? (uri.Port is { } port
                ? destination.TryWrite(CultureInfo.InvariantCulture, $"{uri.Host}:{port}", out written)
                : destination.TryWrite(CultureInfo.InvariantCulture, $"{uri.Host}", out written))
            : (uri.Port is { } userPort
                ? destination.TryWrite(CultureInfo.InvariantCulture, $"{uri.User}@{uri.Host}:{userPort}", out written)
                : destination.TryWrite(CultureInfo.InvariantCulture, $"{uri.User}@{uri.Host}", out written));

    private static string UserAtHost(SipUri uri) =>
        (uri.User is null ? string.Empty : uri.User + "@") + uri.Host + (uri.Port is { } port ? ":" + port.ToString(CultureInfo.InvariantCulture) : string.Empty);
}
