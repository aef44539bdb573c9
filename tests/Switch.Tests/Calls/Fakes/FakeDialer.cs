using System.Collections.Concurrent;
using Switch.Calls;

namespace Switch.Tests.Calls.Fakes;

/// <summary>A directory of users with their contacts (or a failure cause), creating recording legs.</summary>
internal sealed class FakeDialer : ILegDialer
{
    private readonly ConcurrentDictionary<string, DialResolution> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, FakeSignaling> _legs = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<OutboundLegRequest> _requests = new();

    /// <summary>Registers a user reachable at the given contact hosts (one leg per host).</summary>
    public void AddUser(string user, params string[] hosts) =>
        _users[user] = new DialResolution(
            hosts.Select(h => new DialContact($"sofia/internal/{user}@{h}", user, h)).ToArray(), HangupCause.None);

    public void AddFailingUser(string user, HangupCause cause) => _users[user] = DialResolution.Fail(cause);

    public IReadOnlyList<OutboundLegRequest> Requests => _requests.ToArray();

    public FakeSignaling LegOf(string uuid) => _legs[uuid];

    /// <summary>The outbound legs created so far, oldest first.</summary>
    public IReadOnlyList<OutboundLegRequest> LegsTo(string user) =>
        _requests.Where(r => r.Contact.DestinationNumber == user).ToArray();

    public ValueTask<DialResolution> ResolveAsync(DialEndpoint endpoint, CancellationToken cancellationToken)
    {
        var user = endpoint switch
        {
            UserEndpoint u => u.User,
            SofiaEndpoint s => s.Uri,
            _ => string.Empty,
        };
        if (endpoint is SofiaEndpoint sofia)
        {
            return ValueTask.FromResult(DialResolution.To(new DialContact($"sofia/internal/{sofia.Uri[4..]}", sofia.Uri, sofia.Uri)));
        }
        return ValueTask.FromResult(_users.TryGetValue(user, out var r) ? r : DialResolution.Fail(HangupCause.SubscriberAbsent));
    }

    public ILegSignaling CreateLeg(OutboundLegRequest request)
    {
        var leg = new FakeSignaling(request.Contact.ChannelName);
        _legs[request.Uuid] = leg;
        _requests.Enqueue(request);
        return leg;
    }
}
