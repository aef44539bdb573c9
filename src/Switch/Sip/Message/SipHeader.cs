namespace Switch.Sip.Message;

/// <summary>One header line: canonical name for known headers (original spelling otherwise) and the unfolded value.</summary>
internal readonly record struct SipHeader(string Name, string Value)
{
    public override string ToString() => Name + ": " + Value;
}
