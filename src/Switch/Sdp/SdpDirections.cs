namespace Switch.Sdp;

/// <summary>Attribute names and the offer/answer algebra of <see cref="SdpDirection"/>.</summary>
internal static class SdpDirections
{
    public const string SendRecvName = "sendrecv";
    public const string SendOnlyName = "sendonly";
    public const string RecvOnlyName = "recvonly";
    public const string InactiveName = "inactive";

    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => SendOnlyName,
        SdpDirection.RecvOnly => RecvOnlyName,
        SdpDirection.Inactive => InactiveName,
        _ => SendRecvName,
    };

    public static bool TryParse(string attributeName, out SdpDirection direction)
    {
        switch (attributeName)
        {
            case SendRecvName: direction = SdpDirection.SendRecv; return true;
            case SendOnlyName: direction = SdpDirection.SendOnly; return true;
            case RecvOnlyName: direction = SdpDirection.RecvOnly; return true;
            case InactiveName: direction = SdpDirection.Inactive; return true;
            default: direction = SdpDirection.SendRecv; return false;
        }
    }

    /// <summary>The direction seen from the other side: sendonly ↔ recvonly.</summary>
    public static SdpDirection Reverse(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        _ => direction,
    };

    public static bool CanSend(this SdpDirection direction) => (direction & SdpDirection.SendOnly) != 0;

    public static bool CanReceive(this SdpDirection direction) => (direction & SdpDirection.RecvOnly) != 0;
}
