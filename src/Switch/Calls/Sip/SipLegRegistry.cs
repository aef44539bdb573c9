namespace Switch.Calls.Sip;

/// <summary>
/// Live SIP legs by (Call-ID, local tag): in-dialog requests, ACKs and stray responses find their leg by the
/// tag the switch chose (To tag of requests from the peer, From tag of responses to the switch's requests).
/// </summary>
internal sealed class SipLegRegistry
{
    private readonly LegTable _legs = new();

    public int Count => _legs.Count;

    public void Add(SipLeg leg) => _legs.Add(leg, replace: true);

    public void Remove(SipLeg leg) => _legs.Remove(leg);

    public SipLeg? Find(string? callId, string? localTag) =>
        callId is not null && localTag is not null ? _legs.Find((callId, localTag)) : null;

    private sealed class LegTable : LiveTable<(string CallId, string LocalTag), SipLeg>
    {
        protected override int HashOfKey((string CallId, string LocalTag) key) =>
            HashCode.Combine(string.GetHashCode(key.CallId, StringComparison.Ordinal), string.GetHashCode(key.LocalTag, StringComparison.Ordinal));

        protected override int HashOf(SipLeg value) => HashOfKey((value.CallId, value.LocalTag));

        protected override bool Matches(SipLeg value, (string CallId, string LocalTag) key) =>
            string.Equals(value.LocalTag, key.LocalTag, StringComparison.Ordinal) && string.Equals(value.CallId, key.CallId, StringComparison.Ordinal);

        protected override bool SameKey(SipLeg value, SipLeg other) => Matches(value, (other.CallId, other.LocalTag));
    }
}
