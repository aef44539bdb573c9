using System.Collections.Concurrent;

namespace Switch.Calls.Sip;

/// <summary>
/// Live SIP legs by (Call-ID, local tag): in-dialog requests, ACKs and stray responses find their leg by the
/// tag the switch chose (To tag of requests from the peer, From tag of responses to the switch's requests).
/// </summary>
internal sealed class SipLegRegistry
{
    private readonly ConcurrentDictionary<(string CallId, string LocalTag), SipLeg> _legs = new();

    public int Count => _legs.Count;

    public void Add(SipLeg leg) => _legs[(leg.CallId, leg.LocalTag)] = leg;

    public void Remove(SipLeg leg) => _legs.TryRemove(new KeyValuePair<(string, string), SipLeg>((leg.CallId, leg.LocalTag), leg));

    public SipLeg? Find(string? callId, string? localTag) =>
        callId is not null && localTag is not null && _legs.TryGetValue((callId, localTag), out var leg) ? leg : null;
}
