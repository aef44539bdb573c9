namespace Switch.Sip.Message;

/// <summary>Where the components of a URI are, relative to the URI's first byte (see <see cref="SipUriScanner"/>).</summary>
internal struct SipUriParts
{
    public TextSegment Scheme;
    public TextSegment User;
    public TextSegment Password;
    public TextSegment Host;
    public int Port;
    public TextSegment Parameters;
    public TextSegment Headers;
    public bool IsSip;
}
