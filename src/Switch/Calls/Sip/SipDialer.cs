using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Switch.Registrar;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Calls.Sip;

/// <summary>
/// Turns dial-string endpoints into SIP b-legs: <c>user/&lt;id&gt;[@domain]</c> rings every registered binding of
/// a directory user at its received address (NAT), <c>sofia/&lt;profile&gt;/&lt;uri&gt;</c> sends to the URI's host.
/// Unknown users fail with SUBSCRIBER_ABSENT, users without bindings with USER_NOT_REGISTERED.
/// </summary>
internal sealed class SipDialer(SipCallContext context, UserDirectory directory, LocationService locations, string profileName = "internal")
    : ILegDialer
{
    public async ValueTask<DialResolution> ResolveAsync(DialEndpoint endpoint, CancellationToken cancellationToken)
    {
        switch (endpoint)
        {
            case UserEndpoint user:
                return ResolveUser(user);
            case SofiaEndpoint sofia:
                return await ResolveUriAsync(sofia, cancellationToken).ConfigureAwait(false);
            case ErrorEndpoint error:
                return DialResolution.Fail(error.Cause);
            default:
                return DialResolution.Fail(HangupCause.ChanNotImplemented);
        }
    }

    public ILegSignaling CreateLeg(OutboundLegRequest request) =>
        new SipOutboundLeg(context, request, (SipDialTarget)request.Contact.Route!);

    private DialResolution ResolveUser(UserEndpoint endpoint)
    {
        var domain = endpoint.Domain ?? directory.Domain;
        if (!directory.IsLocalDomain(domain) || !directory.TryGetUser(endpoint.User, out var user))
        {
            return DialResolution.Fail(HangupCause.SubscriberAbsent);
        }
        var bindings = locations.GetBindings(user.Id, directory.Domain);
        var contacts = new List<DialContact>(bindings.Count);
        foreach (var binding in bindings)
        {
            if (!SipUri.TryParse(binding.ContactUri, out var uri))
            {
                continue;
            }
            var transport = binding.Transport == BindingTransport.Udp ? SipTransportType.Udp : SipTransportType.Tcp;
            var target = context.ShareTarget(new SipTarget(transport, binding.Received, binding.ConnectionId ?? 0));
            IReadOnlyList<string> routes = string.IsNullOrEmpty(binding.Path) ? [] : [binding.Path];
            contacts.Add(new DialContact(ChannelName(uri), context.Shared.Share(endpoint.User), new SipDialTarget(uri, target, routes)));
        }
        return contacts.Count == 0 ? DialResolution.Fail(HangupCause.UserNotRegistered) : new DialResolution(contacts, HangupCause.None);
    }

    private async ValueTask<DialResolution> ResolveUriAsync(SofiaEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (!SipUri.TryParse(endpoint.Uri, out var uri) || !uri.IsSip)
        {
            return DialResolution.Fail(HangupCause.InvalidUrl);
        }
        var host = uri.Host.Length > 1 && uri.Host[0] == '[' ? uri.Host[1..^1] : uri.Host;
        if (!IPAddress.TryParse(host, out var address))
        {
            try
            {
                var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
                address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            }
            catch (SocketException)
            {
                address = null;
            }
            if (address is null)
            {
                return DialResolution.Fail(HangupCause.NoRouteDestination);
            }
        }
        var transport = string.Equals(uri.GetParameter("transport"), "tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportType.Tcp : SipTransportType.Udp;
        var target = context.ShareTarget(new SipTarget(transport, new IPEndPoint(address, uri.Port ?? 5060)));
        return DialResolution.To(new DialContact(ChannelName(uri), context.Shared.Share(uri.User) ?? string.Empty, new SipDialTarget(uri, target, [])));
    }

    /// <summary>sofia/internal/1001@192.0.2.55:5060, as FreeSWITCH names a b-leg (one string per name, shared by the calls).</summary>
    private string ChannelName(SipUri uri)
    {
        // Written on the stack: a string is made only for a name not shared yet.
        Span<char> text = stackalloc char[SharedValues.MaxLength];
        var at = uri.User is null ? string.Empty : "@";
        var written = 0;
        var fits = uri.Port is { } port
            ? text.TryWrite(CultureInfo.InvariantCulture, $"sofia/{profileName}/{uri.User}{at}{uri.Host}:{port}", out written)
            : text.TryWrite(CultureInfo.InvariantCulture, $"sofia/{profileName}/{uri.User}{at}{uri.Host}", out written);
        return fits
            ? context.Shared.Share(text[..written])
            : context.Shared.Share($"sofia/{profileName}/{(uri.User is null ? string.Empty : uri.User + "@")}{uri.Host}{(uri.Port is { } p ? ":" + p : string.Empty)}");
    }
}
