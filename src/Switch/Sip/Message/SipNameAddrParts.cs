namespace Switch.Sip.Message;

/// <summary>Where the pieces of one name-addr / addr-spec element are, relative to the scanned value.</summary>
internal struct SipNameAddrParts
{
    public TextSegment Element;
    public TextSegment DisplayName;
    public TextSegment Uri;
    public SipUriParts UriParts;
    public TextSegment Parameters;
    public TextSegment Tag;
    public bool IsWildcard;
}
