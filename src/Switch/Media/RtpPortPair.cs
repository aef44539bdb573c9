namespace Switch.Media;

/// <summary>An even RTP port and the odd RTCP port after it.</summary>
internal sealed record RtpPortPair(int RtpPort)
{
    public int RtcpPort => RtpPort + 1;
}
