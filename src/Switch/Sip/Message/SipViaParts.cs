namespace Switch.Sip.Message;

/// <summary>Where the pieces of one Via value are, relative to the scanned header value.</summary>
internal struct SipViaParts
{
    public TextSegment Element;
    public TextSegment ProtocolName;
    public TextSegment ProtocolVersion;
    public TextSegment Transport;
    public TextSegment Host;
    public int Port;
    public TextSegment Parameters;
    public TextSegment Branch;
    public TextSegment Received;
    public TextSegment RPort;
    public bool HasRPort;
}
